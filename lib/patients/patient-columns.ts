// Shared by create-patient and update-patient: validated form values → the
// Patient columns, and which columns a change touched (names only, for the audit log).
import 'server-only';

import type { SessionUser } from '@/lib/auth/session-user';
import type { Prisma } from '@/lib/db/generated/client';
import type { PatientValues } from '@/lib/schemas/patient';

/** The columns a person edits through the patient form. */
export const PATIENT_EDITABLE_COLUMNS = [
  'givenName',
  'familyName',
  'preferredName',
  'dateOfBirth',
  'email',
  'mobile',
  'timezone',
  'preferredChannel',
  'messagingConsentAt',
  'messagingConsentMethod',
  'messagingConsentById',
  'whatsappConsent',
  'whatsappOptOutAt',
  'smsOptOutAt',
] as const;

export type PatientColumns = Pick<
  Prisma.PatientUncheckedCreateInput,
  (typeof PATIENT_EDITABLE_COLUMNS)[number]
> & {
  preferredName: string | null;
  dateOfBirth: Date | null;
  email: string | null;
  messagingConsentAt: Date | null;
  messagingConsentMethod: PatientValues['consentMethod'];
  messagingConsentById: string | null;
  whatsappOptOutAt: Date | null;
  smsOptOutAt: Date | null;
};

type Existing = Pick<
  PatientColumns,
  | 'messagingConsentAt'
  | 'messagingConsentMethod'
  | 'messagingConsentById'
  | 'whatsappOptOutAt'
  | 'smsOptOutAt'
>;

/**
 * Consent keeps its original when/how/who while it stays the same; giving it
 * (or changing how it was given) records now and the signed-in user;
 * withdrawing it clears all three. Opt-outs keep the time they were first set.
 */
export function toPatientColumns(
  values: PatientValues,
  user: SessionUser,
  now: Date,
  existing?: Existing,
): PatientColumns {
  const consentUnchanged =
    values.messagingConsent &&
    existing?.messagingConsentAt &&
    existing.messagingConsentMethod === values.consentMethod;

  return {
    givenName: values.givenName,
    familyName: values.familyName,
    preferredName: values.preferredName,
    dateOfBirth: values.dateOfBirth,
    email: values.email,
    mobile: values.mobile,
    timezone: values.timezone,
    preferredChannel: values.preferredChannel,
    messagingConsentAt: !values.messagingConsent
      ? null
      : consentUnchanged
        ? existing.messagingConsentAt
        : now,
    messagingConsentMethod: values.messagingConsent ? values.consentMethod : null,
    messagingConsentById: !values.messagingConsent
      ? null
      : consentUnchanged
        ? (existing.messagingConsentById ?? null)
        : user.id,
    whatsappConsent: values.messagingConsent && values.whatsappConsent,
    whatsappOptOutAt: values.whatsappOptOut ? (existing?.whatsappOptOutAt ?? now) : null,
    smsOptOutAt: values.smsOptOut ? (existing?.smsOptOutAt ?? now) : null,
  };
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return (a ?? null) === (b ?? null);
}

/** Names of the columns whose value differs; never the values themselves. */
export function changedColumns(before: Record<string, unknown>, after: PatientColumns): string[] {
  return PATIENT_EDITABLE_COLUMNS.filter((column) => !same(before[column], after[column]));
}

/** Names of the columns a new record fills in (for the CREATE audit entry). */
export function filledColumns(columns: PatientColumns): string[] {
  return PATIENT_EDITABLE_COLUMNS.filter((column) => {
    const value = columns[column];
    return value !== null && value !== undefined && value !== false && value !== '';
  });
}
