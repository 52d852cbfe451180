'use client';

import { useActionState } from 'react';

import { Button } from '@/components/ui/button';
import { FormAlerts } from '@/components/ui/form-outcome';
import { SettingForm } from '@/components/ui/setting-form';
import { initialFormState } from '@/lib/schemas/form-state';

import { syncTriggersAction, updateThresholdsAction } from '../actions';

export function ThresholdsForm({ thresholds }: { thresholds: number[] }) {
  const [syncState, syncAction, syncing] = useActionState(syncTriggersAction, initialFormState);
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <SettingForm
        action={updateThresholdsAction}
        className="flex flex-col gap-3"
        field={{
          label: 'Alert when this month’s spend reaches (USD)',
          name: 'alertThresholdsUsd',
          hint: 'Whole dollars separated by commas, for example 10, 50, 100. Saving also sets Twilio’s own alerts.',
        }}
        defaultValue={thresholds.join(', ')}
        submitLabel="Save thresholds"
      />
      <form action={syncAction} className="flex flex-col gap-2">
        <FormAlerts state={syncState} />
        <Button type="submit" variant="secondary" disabled={syncing} className="self-start">
          {syncing ? 'Setting up…' : 'Set up Twilio billing alerts'}
        </Button>
      </form>
    </div>
  );
}
