// Server-side helpers for the patient pages: a stored patient → the form's
// starting values, and the list of non-Australian time zones.
import 'server-only';

import { formatMobile } from '@/lib/phone/parse-mobile';
import { AUSTRALIAN_TIME_ZONES, dateOnlyString, type Patient } from '@/lib/schemas/patient';
import { DEFAULT_CLINIC_TIME_ZONE } from '@/lib/time/clinic-time';

import type { PatientFormDefaults } from './patient-form';

export function patientFormDefaults(
  patient?: Patient,
  clinicTimeZone = DEFAULT_CLINIC_TIME_ZONE,
): PatientFormDefaults {
  if (!patient) {
    return {
      givenName: '',
      familyName: '',
      preferredName: '',
      dateOfBirth: '',
      email: '',
      mobile: '',
      timezone: clinicTimeZone,
      preferredChannel: 'WHATSAPP',
      messagingConsent: false,
      consentMethod: '',
      whatsappConsent: false,
      smsOptOut: false,
      whatsappOptOut: false,
    };
  }
  return {
    givenName: patient.givenName,
    familyName: patient.familyName,
    preferredName: patient.preferredName ?? '',
    dateOfBirth: dateOnlyString(patient.dateOfBirth),
    email: patient.email ?? '',
    mobile: formatMobile(patient.mobile),
    timezone: patient.timezone,
    preferredChannel: patient.preferredChannel,
    messagingConsent: patient.messagingConsentAt !== null,
    consentMethod: patient.messagingConsentMethod ?? '',
    whatsappConsent: patient.whatsappConsent,
    smsOptOut: patient.smsOptOutAt !== null,
    whatsappOptOut: patient.whatsappOptOutAt !== null,
  };
}

export function otherTimeZones(): string[] {
  const australian = new Set<string>(AUSTRALIAN_TIME_ZONES.map((z) => z.value));
  return Intl.supportedValuesOf('timeZone').filter((z) => !australian.has(z));
}
