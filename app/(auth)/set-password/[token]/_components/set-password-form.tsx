'use client';

import { useActionState } from 'react';

import { TextField } from '@/components/ui/field';
import { RefusalSummary } from '@/components/ui/form-outcome';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialFormState } from '@/lib/schemas/form-state';
import { PASSWORD_MIN } from '@/lib/schemas/user';

import { setPasswordAction } from '../actions';

const labels = { newPassword: 'New password', confirmPassword: 'Type it again' };

/**
 * A server-action form (a POST to this page, also without JavaScript). The
 * passwords are never echoed back: after a refusal the fields start empty.
 */
export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, action] = useActionState(setPasswordAction, initialFormState);
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  return (
    <form key={state.attempt} action={action} noValidate className="flex flex-col gap-4">
      <RefusalSummary state={state} labels={labels} />
      <input type="hidden" name="token" value={token} />
      {/* For password managers: which account this password belongs to. */}
      <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
      <TextField
        label={labels.newPassword}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN} characters. A few unrelated words make a strong password that is easy to remember.`}
        errors={errors.newPassword}
        required
      />
      <TextField
        label={labels.confirmPassword}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        errors={errors.confirmPassword}
        required
      />
      <div>
        <SubmitButton pendingLabel="Saving…">Set my password</SubmitButton>
      </div>
    </form>
  );
}
