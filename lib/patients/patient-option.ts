// A patient as the booking picker shows them: "Family, Given (Preferred)" and
// a second line that tells namesakes apart (date of birth, mobile).
import 'server-only';

import { formatMobile } from '@/lib/phone/parse-mobile';
import { dateOnlyString, type PatientListItem } from '@/lib/schemas/patient';
import { formatDateString } from '@/lib/time/clinic-time';

export type PatientOption = { id: string; label: string; description: string };

export function patientPickerLabel(p: {
  givenName: string;
  familyName: string;
  preferredName: string | null;
}) {
  return `${p.familyName}, ${p.givenName}${p.preferredName ? ` (${p.preferredName})` : ''}`;
}

export function toPatientOption(p: PatientListItem): PatientOption {
  return {
    id: p.id,
    label: patientPickerLabel(p),
    description: [
      p.dateOfBirth ? `Born ${formatDateString(dateOnlyString(p.dateOfBirth), 'd MMM yyyy')}` : null,
      formatMobile(p.mobile),
    ]
      .filter(Boolean)
      .join(' · '),
  };
}
