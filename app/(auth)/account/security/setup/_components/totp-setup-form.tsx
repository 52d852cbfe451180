'use client';

import { useActionState } from 'react';

import { RecoveryCodeList } from '@/components/auth/recovery-code-list';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClasses } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import type { RecoveryCodesState } from '@/lib/schemas/form-state';
import { initialFormState } from '@/lib/schemas/form-state';

import { confirmEnrolmentAction } from '../actions';

export function TotpSetupForm() {
  const [state, action, pending] = useActionState<RecoveryCodesState, FormData>(
    confirmEnrolmentAction,
    initialFormState,
  );

  if (state.status === 'success' && state.recoveryCodes) {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success" title="Two-factor sign-in is on">
          From now on you will enter a code from your authenticator app when you sign in.
        </Alert>
        <RecoveryCodeList codes={state.recoveryCodes} />
        {/* A full page load, so every part of the portal sees the completed sign-in. */}
        <a href="/dashboard" className={buttonClasses('primary', 'self-start')}>
          I have saved my codes: continue
        </a>
      </div>
    );
  }

  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <p>Enter the 6-digit code the app now shows.</p>
      {state.status === 'error' && state.message && !state.fieldErrors?.code ? (
        <Alert tone="error">{state.message}</Alert>
      ) : null}
      <TextField
        key={state.attempt}
        label="Authentication code"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]*"
        maxLength={7}
        required
        errors={state.fieldErrors?.code}
      />
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? 'Checking…' : 'Turn on two-factor sign-in'}
      </Button>
    </form>
  );
}
