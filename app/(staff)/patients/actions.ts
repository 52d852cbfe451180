'use server';

import { refresh } from 'next/cache';
import { redirect, unstable_rethrow } from 'next/navigation';

import { requirePermission } from '@/lib/auth/guards';
import { log } from '@/lib/log/logger';
import { createPatient } from '@/lib/patients/create-patient';
import { updatePatient } from '@/lib/patients/update-patient';
import { expectedErrorState, formValues, UNEXPECTED_MESSAGE, type FormState } from '@/lib/schemas/form-state';
import { patientFormFields } from '@/lib/schemas/patient';

function failure(
  event: string,
  err: unknown,
  previous: FormState,
  values: Record<string, string>,
): FormState {
  const expected = expectedErrorState(err, previous, values);
  if (expected) return expected;
  // Name and code only: database errors can quote the values that were sent.
  log.error(event, { errorName: err instanceof Error ? err.name : typeof err, errorCode: codeOf(err) });
  return { status: 'error', message: UNEXPECTED_MESSAGE, values, attempt: previous.attempt + 1 };
}

function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

// POST /patients/new – add a patient, then open their page.
export async function createPatientAction(previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, patientFormFields);
  let id: string;
  try {
    const user = await requirePermission('patients.write');
    ({ id } = await createPatient(user, values));
  } catch (err) {
    unstable_rethrow(err);
    return failure('patients.create_failed', err, previous, values);
  }
  redirect(`/patients/${id}?saved=created`);
}

// POST /patients/[id] – save changes to a patient's details.
export async function updatePatientAction(
  patientId: string,
  previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = formValues(formData, patientFormFields);
  const version = formData.get('version');
  const expectedUpdatedAt = typeof version === 'string' && version ? new Date(version) : undefined;
  try {
    const user = await requirePermission('patients.write');
    const { changedFields } = await updatePatient(user, patientId, values, {
      expectedUpdatedAt:
        expectedUpdatedAt && !Number.isNaN(expectedUpdatedAt.getTime()) ? expectedUpdatedAt : undefined,
    });
    refresh();
    return {
      status: 'success',
      message:
        changedFields.length === 0
          ? 'Nothing had changed, so there was nothing to save.'
          : `Saved. Changed: ${describeChanges(changedFields)}.`,
      attempt: previous.attempt + 1,
    };
  } catch (err) {
    unstable_rethrow(err);
    return failure('patients.update_failed', err, previous, values);
  }
}

// Plain words for the changed columns, for the "Saved" message.
const columnWords: Record<string, string> = {
  givenName: 'given name',
  familyName: 'family name',
  preferredName: 'preferred name',
  dateOfBirth: 'date of birth',
  email: 'email',
  mobile: 'mobile',
  timezone: 'timezone',
  preferredChannel: 'preferred channel',
  messagingConsentAt: 'consent to messages',
  messagingConsentMethod: 'how consent was given',
  whatsappConsent: 'WhatsApp consent',
  whatsappOptOutAt: 'WhatsApp opt-out',
  smsOptOutAt: 'SMS opt-out',
};

function describeChanges(columns: string[]): string {
  // messagingConsentById changes with the consent itself; it needs no words of its own.
  return [...new Set(columns.map((c) => columnWords[c]).filter(Boolean))].join(', ');
}
