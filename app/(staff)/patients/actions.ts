'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';

import { z } from 'zod';

import { formAction } from '@/lib/http/form-action';
import { createPatientUnlessDuplicate } from '@/lib/patients/create-patient';
import { patientPickerLabel, toPatientOption, type PatientOption } from '@/lib/patients/patient-option';
import { searchPatients } from '@/lib/patients/search-patients';
import { updatePatient } from '@/lib/patients/update-patient';
import type { FormState } from '@/lib/schemas/form-state';
import { dateOnlyString, patientFormFields } from '@/lib/schemas/patient';
import { entityId, singleLine, textFieldsOf } from '@/lib/schemas/safe-text';
import { formatDateString } from '@/lib/time/clinic-time';

const patientForm = textFieldsOf(patientFormFields, 320);
const createPatientForm = patientForm.extend({
  // "Create anyway", after the warning that a patient with the same details exists.
  createAnyway: z
    .literal('yes')
    .optional()
    .transform((v) => v === 'yes'),
});
const searchForm = z.object({ q: singleLine(100).optional() });

/** A patient the duplicate warning names, with a link to open them. */
export type DuplicateOption = { id: string; label: string; why: string };
export type CreatePatientState = FormState & { duplicates?: DuplicateOption[] };
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

// POST /patients/new – add a patient, then open their page. A patient with the same
// mobile, or the same name and date of birth, is named first; "Create anyway" adds it.
export async function createPatientAction(
  previous: CreatePatientState,
  formData: FormData,
): Promise<CreatePatientState> {
  return formAction<typeof createPatientForm, { duplicates: DuplicateOption[] }, 'patients.write'>(
    {
      event: 'patients.create_failed',
      schema: createPatientForm,
      fields: [...patientFormFields, 'createAnyway'],
      permission: 'patients.write',
    },
    previous,
    formData,
    async ({ createAnyway, ...input }, { user, values }) => {
      const result = await createPatientUnlessDuplicate(user, input, { createAnyway });
      if (result.duplicates) {
        const { createAnyway: _unused, ...echo } = values;
        return {
          status: 'error',
          message:
            result.duplicates.length === 1
              ? 'A patient with these details is already recorded. Open their record, or create a new one anyway.'
              : 'Patients with these details are already recorded. Open one of their records, or create a new one anyway.',
          values: echo,
          duplicates: result.duplicates.map((d) => ({
            id: d.id,
            label: patientPickerLabel(d),
            why: d.reasons
              .map((r) =>
                r === 'SAME_MOBILE'
                  ? 'same mobile'
                  : `same name and date of birth (${formatDateString(dateOnlyString(d.dateOfBirth), 'd MMM yyyy')})`,
              )
              .join('; '),
          })),
        };
      }
      redirect(`/patients/${result.id}?saved=created`);
    },
  );
}

// The booking form's patient picker (type-to-search): name prefix, mobile or date of birth.
export async function searchPatientsAction(
  previous: unknown,
  formData: FormData,
): Promise<FormState & { patients?: PatientOption[] }> {
  return formAction<typeof searchForm, { patients: PatientOption[] }, 'patients.read'>(
    { event: 'patients.search_failed', schema: searchForm, fields: ['q'], permission: 'patients.read' },
    previous,
    formData,
    async ({ q }, { user }) => {
      const found = await searchPatients(user, q ?? '');
      return { status: 'success', patients: found.map(toPatientOption) };
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
