'use client';

import { SettingForm } from '@/components/ui/setting-form';

import { setMinimumBalanceAction } from '../actions';

export function MinimumBalanceForm({ minimumBalanceUsd }: { minimumBalanceUsd: number }) {
  return (
    <SettingForm
      action={setMinimumBalanceAction}
      field={{
        label: 'Minimum balance (USD)',
        name: 'minimumBalanceUsd',
        inputMode: 'decimal',
        hint: 'The balance check fails below this amount.',
      }}
      defaultValue={String(minimumBalanceUsd)}
      submitLabel="Save minimum"
    />
  );
}
