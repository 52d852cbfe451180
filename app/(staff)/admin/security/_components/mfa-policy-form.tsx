'use client';

import { useActionState } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { initialFormState } from '@/lib/schemas/form-state';

import { setMfaPolicyAction } from '../actions';

export function MfaPolicyForm({ requiredForAll }: { requiredForAll: boolean }) {
  const [state, action, pending] = useActionState(setMfaPolicyAction, initialFormState);
  return (
    <form action={action} className="flex flex-col gap-3">
      <p className="text-sm text-slate-700">
        Admins and clinicians always sign in with a password and a code from an authenticator app.
      </p>
      {state.status === 'success' ? <Alert tone="success">{state.message}</Alert> : null}
      {state.status === 'error' ? <Alert tone="error">{state.message}</Alert> : null}
      <div className="flex items-start gap-3">
        <input
          key={`${state.attempt}-${requiredForAll}`}
          id="mfa-required-for-all"
          name="mfaRequiredForAll"
          type="checkbox"
          defaultChecked={requiredForAll}
          aria-describedby="mfa-required-for-all-hint"
          className="mt-1 size-5"
        />
        <div>
          <label htmlFor="mfa-required-for-all" className="font-medium">
            Require two-factor sign-in for everyone
          </label>
          <p id="mfa-required-for-all-hint" className="text-sm text-slate-600">
            Reception staff too. Anyone without it is asked to set it up at their next sign-in.
          </p>
        </div>
      </div>
      <Button type="submit" variant="secondary" disabled={pending} className="self-start">
        {pending ? 'Saving…' : 'Save'}
      </Button>
    </form>
  );
}
