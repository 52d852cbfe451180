'use client';

import { SettingForm } from '@/components/ui/setting-form';

import { setClinicPhoneAction } from '../actions';

export function ClinicPhoneForm({ contactPhone }: { contactPhone: string | null }) {
  return (
    <SettingForm
      action={setClinicPhoneAction}
      field={{
        label: 'Clinic phone number',
        name: 'contactPhone',
        type: 'tel',
        autoComplete: 'off',
        hint: 'Shown, tap to call, to a patient whose join link was replaced, withdrawn or has expired, or whose appointment was cancelled; also {phone} in reminders.',
      }}
      defaultValue={contactPhone ?? ''}
      submitLabel="Save phone number"
    />
  );
}
