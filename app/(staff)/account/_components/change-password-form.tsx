'use client';

import { useActionState } from 'react';

import { FormAlerts } from '@/components/ui/form-outcome';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { initialFormState } from '@/lib/schemas/form-state';
import { PASSWORD_MIN } from '@/lib/schemas/user';

import { changePasswordAction } from '../actions';

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, initialFormState);
  return (
    // key: a fresh, empty form after every answer; passwords are never put back.
    <form key={state.attempt} action={action} className="flex max-w-md flex-col gap-4" noValidate>
      <FormAlerts state={state} />
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={state.fieldErrors?.currentPassword}
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={`At least ${PASSWORD_MIN} characters. A few unrelated words make a strong password that is easy to remember.`}
        errors={state.fieldErrors?.newPassword}
      />
      <TextField
        label="New password again"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        errors={state.fieldErrors?.confirmPassword}
      />
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? 'Changing…' : 'Change password'}
      </Button>
    </form>
  );
}
