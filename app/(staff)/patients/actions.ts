'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';

import { formAction } from '@/lib/http/form-action';
import { createPatient } from '@/lib/patients/create-patient';
import { updatePatient } from '@/lib/patients/update-patient';
import type { FormState } from '@/lib/schemas/form-state';
import { patientFormFields } from '@/lib/schemas/patient';
import { entityId, singleLine, textFieldsOf } from '@/lib/schemas/safe-text';

const patientForm = textFieldsOf(patientFormFields, 320);
const updatePatientForm = patientForm.extend({
  patientId: entityId,
  // The record's updatedAt when the form was drawn, to catch a change made meanwhile.
  version: singleLine(64)
    .optional()
    .transform((v) => {
      const at = v ? new Date(v) : undefined;
      return at && !Number.isNaN(at.getTime()) ? at : undefined;
    }),
});

// POST /patients/new – add a patient, then open their page.
export async function createPatientAction(previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(
    {
      event: 'patients.create_failed',
      schema: patientForm,
      fields: patientFormFields,
      permission: 'patients.write',
    },
    previous,
    formData,
    async (input, { user }) => {
      const { id } = await createPatient(user, input);
      redirect(`/patients/${id}?saved=created`);
    },
  );
}

// POST /patients/[id] – save changes to a patient's details.
export async function updatePatientAction(
  patientId: string,
  previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return formAction(
    {
      event: 'patients.update_failed',
      schema: updatePatientForm,
      fields: [...patientFormFields, 'version'],
      secret: ['version'],
      args: { patientId },
      permission: 'patients.write',
    },
    previous,
    formData,
    async ({ patientId: id, version, ...input }, { user }) => {
      const { changedFields } = await updatePatient(user, id, input, { expectedUpdatedAt: version });
      refresh();
      return {
        status: 'success',
        message:
          changedFields.length === 0
            ? 'Nothing had changed, so there was nothing to save.'
            : `Saved. Changed: ${describeChanges(changedFields)}.`,
      };
    },
  );
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
