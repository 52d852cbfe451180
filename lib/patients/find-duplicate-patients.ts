// Before a new patient is added: is there already one with the same mobile,
// or the same name and date of birth? Booking the wrong record of two is how
// reminders reach the wrong phone, so reception is warned (not refused).
import 'server-only';

import { recordRead } from '@/lib/audit/record-change';
import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import type { PatientValues } from '@/lib/schemas/patient';

import { patientListSelect } from './patient-list-select';

export type DuplicatePatient = {
  id: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  dateOfBirth: Date | null;
  /** Why it looks like the same person. */
  reasons: ('SAME_MOBILE' | 'SAME_NAME_AND_DATE_OF_BIRTH')[];
};

export async function findDuplicatePatients(
  user: SessionUser,
  values: Pick<PatientValues, 'givenName' | 'familyName' | 'dateOfBirth' | 'mobile'>,
  options: { excludeId?: string } = {},
): Promise<DuplicatePatient[]> {
  assertCan(user, 'patients.write');
  const sameName = values.dateOfBirth
    ? {
        givenName: { equals: values.givenName, mode: 'insensitive' as const },
        familyName: { equals: values.familyName, mode: 'insensitive' as const },
        dateOfBirth: values.dateOfBirth,
      }
    : null;
  const rows = await db().patient.findMany({
    where: {
      clinicId: user.clinicId,
      archivedAt: null,
      ...(options.excludeId ? { id: { not: options.excludeId } } : {}),
      OR: [{ mobile: values.mobile }, ...(sameName ? [sameName] : [])],
    },
    orderBy: [{ familyName: 'asc' }, { givenName: 'asc' }],
    take: 5,
    select: patientListSelect,
  });
  if (rows.length === 0) return [];
  const key = (s: string) => s.toLocaleLowerCase('en-AU');
  const duplicates = rows.map(({ mobile, ...row }) => ({
    ...row,
    reasons: [
      ...(mobile === values.mobile ? (['SAME_MOBILE'] as const) : []),
      ...(sameName &&
      key(row.givenName) === key(values.givenName) &&
      key(row.familyName) === key(values.familyName) &&
      row.dateOfBirth?.getTime() === values.dateOfBirth?.getTime()
        ? (['SAME_NAME_AND_DATE_OF_BIRTH'] as const)
        : []),
    ],
  }));
  // The warning names these records to the person adding a patient: a read of each.
  for (const d of duplicates) {
    await recordRead(user, {
      type: 'Patient',
      id: d.id,
      patientId: d.id,
      detail: { kind: 'duplicate_check', reasons: d.reasons },
    });
  }
  return duplicates;
}
