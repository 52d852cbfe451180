'use client';

import { useActionState } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { initialFormState } from '@/lib/schemas/form-state';

import { syncTriggersAction, updateThresholdsAction } from '../actions';

export function ThresholdsForm({ thresholds }: { thresholds: number[] }) {
  const [state, action, pending] = useActionState(updateThresholdsAction, initialFormState);
  const [syncState, syncAction, syncing] = useActionState(syncTriggersAction, initialFormState);
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <form action={action} className="flex flex-col gap-3">
        {state.status === 'success' ? <Alert tone="success">{state.message}</Alert> : null}
        {state.status === 'error' && state.message ? <Alert tone="error">{state.message}</Alert> : null}
        <TextField
          key={state.attempt}
          label="Alert when this month’s spend reaches (USD)"
          name="alertThresholdsUsd"
          defaultValue={state.values?.alertThresholdsUsd ?? thresholds.join(', ')}
          errors={state.fieldErrors?.alertThresholdsUsd}
          hint="Whole dollars separated by commas, for example 10, 50, 100. Saving also sets Twilio’s own alerts."
        />
        <Button type="submit" variant="secondary" disabled={pending} className="self-start">
          {pending ? 'Saving…' : 'Save thresholds'}
        </Button>
      </form>
      <form action={syncAction} className="flex flex-col gap-2">
        {syncState.status === 'success' ? <Alert tone="success">{syncState.message}</Alert> : null}
        {syncState.status === 'error' && syncState.message ? (
          <Alert tone="error">{syncState.message}</Alert>
        ) : null}
        <Button type="submit" variant="secondary" disabled={syncing} className="self-start">
          {syncing ? 'Setting up…' : 'Set up Twilio billing alerts'}
        </Button>
      </form>
    </div>
  );
}
