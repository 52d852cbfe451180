'use server';

import { refresh } from 'next/cache';

import { requirePermission } from '@/lib/auth/guards';
import { runFormAction } from '@/lib/auth/run-form-action';
import { updateClinicPhone } from '@/lib/clinic/update-clinic-phone';
import { formValues, type FormState } from '@/lib/schemas/form-state';

// POST /admin/clinic – the phone number patients are given to call.
export async function setClinicPhoneAction(previous: FormState, formData: FormData): Promise<FormState> {
  const admin = await requirePermission('settings.manage');
  const values = formValues(formData, ['contactPhone']);
  return runFormAction('admin.clinic_phone_failed', previous, values, async () => {
    const { contactPhone } = await updateClinicPhone(admin, values);
    refresh();
    return {
      status: 'success',
      message: contactPhone
        ? 'Saved. Patients whose link no longer works are told to call this number.'
        : 'Removed. Patients whose link no longer works are told to contact the clinic, with no number.',
    };
  });
}
