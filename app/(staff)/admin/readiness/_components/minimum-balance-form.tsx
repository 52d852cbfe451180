'use client';

import { useActionState } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { initialFormState } from '@/lib/schemas/form-state';

import { setMinimumBalanceAction } from '../actions';

export function MinimumBalanceForm({ minimumBalanceUsd }: { minimumBalanceUsd: number }) {
  const [state, action, pending] = useActionState(setMinimumBalanceAction, initialFormState);
  return (
    <form action={action} className="flex max-w-md flex-col gap-3">
      {state.status === 'success' ? <Alert tone="success">{state.message}</Alert> : null}
      {state.status === 'error' && state.message ? <Alert tone="error">{state.message}</Alert> : null}
      <TextField
        key={state.attempt}
        label="Minimum balance (USD)"
        name="minimumBalanceUsd"
        inputMode="decimal"
        defaultValue={state.values?.minimumBalanceUsd ?? String(minimumBalanceUsd)}
        errors={state.fieldErrors?.minimumBalanceUsd}
        hint="The balance check fails below this amount."
      />
      <Button type="submit" variant="secondary" disabled={pending} className="self-start">
        {pending ? 'Saving…' : 'Save minimum'}
      </Button>
    </form>
  );
}
