'use client';

import { useActionState } from 'react';

import { RecoveryCodeList } from '@/components/auth/recovery-code-list';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import type { RecoveryCodesState } from '@/lib/schemas/form-state';
import { initialFormState } from '@/lib/schemas/form-state';

import { regenerateRecoveryCodesAction } from '../actions';

export function RegenerateRecoveryCodesForm() {
  const [state, action, pending] = useActionState<RecoveryCodesState, FormData>(
    regenerateRecoveryCodesAction,
    initialFormState,
  );

  if (state.status === 'success' && state.recoveryCodes) {
    return (
      <div className="flex flex-col gap-3">
        <Alert tone="success">{state.message}</Alert>
        <RecoveryCodeList codes={state.recoveryCodes} />
      </div>
    );
  }

  return (
    <details className="rounded-md border border-slate-200 bg-white p-4" open={state.status === 'error'}>
      <summary className="cursor-pointer font-medium">Make new recovery codes</summary>
      <form key={state.attempt} action={action} className="mt-3 flex max-w-md flex-col gap-3" noValidate>
        <p className="text-sm text-slate-700">
          Your current codes will stop working. Enter your password to continue.
        </p>
        {state.status === 'error' && state.message && !state.fieldErrors?.password ? (
          <Alert tone="error">{state.message}</Alert>
        ) : null}
        <TextField
          id="field-recovery-password"
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          errors={state.fieldErrors?.password}
        />
        <Button type="submit" variant="secondary" disabled={pending} className="self-start">
          {pending ? 'Making codes…' : 'Make new recovery codes'}
        </Button>
      </form>
    </details>
  );
}
