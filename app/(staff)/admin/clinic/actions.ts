'use server';

import { refresh } from 'next/cache';

import { updateClinicPhone } from '@/lib/clinic/update-clinic-phone';
import { formAction } from '@/lib/http/form-action';
import type { FormState } from '@/lib/schemas/form-state';
import { textFields } from '@/lib/schemas/safe-text';

const clinicPhoneForm = textFields({ contactPhone: 64 });

// POST /admin/clinic – the phone number patients are given to call.
export async function setClinicPhoneAction(previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(
    {
      event: 'admin.clinic_phone_failed',
      schema: clinicPhoneForm,
      fields: ['contactPhone'],
      permission: 'settings.manage',
    },
    previous,
    formData,
    async (input, { user }) => {
      const { contactPhone } = await updateClinicPhone(user, input);
      refresh();
      return {
        status: 'success',
        message: contactPhone
          ? 'Saved. Patients whose link no longer works are told to call this number.'
          : 'Removed. Patients whose link no longer works are told to contact the clinic, with no number.',
      };
    },
  );
}
