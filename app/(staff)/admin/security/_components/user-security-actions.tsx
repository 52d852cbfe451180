'use client';

import { useActionState } from 'react';

import { Button } from '@/components/ui/button';
import { initialFormState } from '@/lib/schemas/form-state';

import { clearSignInWaitsAction, resetTwoFactorAction } from '../actions';

/** End-the-wait and reset-two-factor buttons for one row of the users table. */
export function UserSecurityActions({
  userId,
  name,
  waiting,
  totpEnabled,
}: {
  userId: string;
  name: string;
  /** A sign-in wait is running on the account. */
  waiting: boolean;
  totpEnabled: boolean;
}) {
  const [clearState, clear, clearing] = useActionState(clearSignInWaitsAction, initialFormState);
  const [resetState, reset, resetting] = useActionState(resetTwoFactorAction, initialFormState);
  const result = [clearState, resetState].find((s) => s.status !== 'idle' && s.message);

  return (
    <div className="flex flex-col items-start gap-2">
      {waiting ? (
        <form action={clear}>
          <input type="hidden" name="userId" value={userId} />
          <Button
            type="submit"
            variant="secondary"
            disabled={clearing}
            aria-label={`Let ${name} sign in now`}
          >
            Let them sign in now
          </Button>
        </form>
      ) : null}
      {totpEnabled ? (
        <details>
          <summary className="cursor-pointer rounded py-1 text-brand-700">Reset two-factor</summary>
          <form action={reset} className="mt-2 flex max-w-xs flex-col gap-2">
            <input type="hidden" name="userId" value={userId} />
            <p className="text-sm text-slate-700">
              For a lost or replaced phone. {name} is signed out and sets up two-factor again at their next
              sign-in.
            </p>
            <Button type="submit" variant="danger" disabled={resetting} className="self-start">
              Reset two-factor for {name}
            </Button>
          </form>
        </details>
      ) : null}
      <p
        role="status"
        className={result?.status === 'error' ? 'text-sm text-red-800' : 'text-sm text-emerald-800'}
      >
        {result?.message ?? ''}
      </p>
    </div>
  );
}
