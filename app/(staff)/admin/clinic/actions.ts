'use server';

import { updateClinicPhone } from '@/lib/clinic/update-clinic-phone';
import { changeAction } from '@/lib/http/change-action';
import type { FormState } from '@/lib/schemas/form-state';
import { textFields } from '@/lib/schemas/safe-text';

const clinicPhoneForm = textFields({ contactPhone: 64 });

// POST /admin/clinic – the phone number patients are given to call.
export async function setClinicPhoneAction(previous: FormState, formData: FormData): Promise<FormState> {
  return changeAction(
    { event: 'admin.clinic_phone_failed', schema: clinicPhoneForm, permission: 'settings.manage' },
    previous,
    formData,
    updateClinicPhone,
    ({ contactPhone }) =>
      contactPhone
        ? 'Saved. Patients whose link no longer works are told to call this number.'
        : 'Removed. Patients whose link no longer works are told to contact the clinic, with no number.',
  );
}
