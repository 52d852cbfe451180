'use client';

import { useActionState } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { signInMessages } from '@/lib/auth/sign-in-messages';

import { signInAction, type SignInState } from '../actions';

export type SignInNotice = { tone: 'info' | 'success'; text: string };

const initialState: SignInState = { status: 'idle', attempt: 0, step: 'password' };

/**
 * A server-action form: React renders it as a POST to this page, so it works
 * before (or without) JavaScript and nothing typed ever lands in a URL. The code
 * step carries a ticket from the password step in a hidden field, not the password.
 */
export function SignInForm({ next, notice }: { next: string | null; notice: SignInNotice | null }) {
  const [state, action, pending] = useActionState(signInAction, initialState);
  const codeStep = state.step === 'code' && Boolean(state.ticket);
  const codeErrors = state.fieldErrors?.code;
  const message = state.status === 'error' ? state.message : undefined;

  return (
    <div className="flex flex-col gap-5">
      {notice && !message && state.attempt === 0 ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {message ? (
        <Alert tone="error" title="You are not signed in">
          {message}
        </Alert>
      ) : null}

      {/* key: a fresh form after every answer, so a password is never put back. */}
      <form
        key={state.attempt}
        action={action}
        noValidate
        className="flex flex-col gap-4"
        aria-busy={pending}
      >
        {next ? <input type="hidden" name="next" value={next} /> : null}
        {codeStep ? (
          <>
            <input type="hidden" name="email" value={state.email ?? ''} />
            <input type="hidden" name="ticket" value={state.ticket} />
            <input type="hidden" name="recovery" value={state.recovery ? '1' : '0'} />
            <p className="text-sm text-slate-700">
              {state.recovery
                ? 'Enter one of the recovery codes you saved when you set up two-factor sign-in. Each code works once.'
                : 'Open your authenticator app and enter the 6-digit code it shows for this portal.'}
            </p>
            {state.recovery ? (
              <TextField
                key="recovery"
                label="Recovery code"
                name="code"
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                autoFocus
                hint="For example 7k2m-q9xd-4hvt"
                errors={codeErrors}
              />
            ) : (
              <TextField
                key="totp"
                label="Authentication code"
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]*"
                maxLength={6}
                autoFocus
                errors={codeErrors}
              />
            )}
          </>
        ) : (
          <>
            <TextField
              label="Email"
              name="email"
              type="email"
              autoComplete="username"
              required
              defaultValue={state.email ?? ''}
              autoFocus={Boolean(state.email)}
            />
            <TextField
              label="Password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
            />
          </>
        )}

        {/* First in the form, so Enter in any field signs in. */}
        <Button type="submit" name="intent" value="sign-in" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </Button>

        {codeStep ? (
          <div className="flex flex-col items-start gap-1 text-sm">
            <button
              type="submit"
              name="intent"
              value={state.recovery ? 'use-authenticator' : 'use-recovery-code'}
              formNoValidate
              className="rounded px-1 py-2 text-brand-700 underline underline-offset-4"
            >
              {state.recovery
                ? 'Use a code from your authenticator app instead'
                : 'Use a recovery code instead'}
            </button>
            <button
              type="submit"
              name="intent"
              value="restart"
              formNoValidate
              className="rounded px-1 py-2 text-slate-700 underline underline-offset-4"
            >
              Start again with a different email
            </button>
          </div>
        ) : null}
      </form>

      {codeStep ? null : <p className="text-sm text-slate-600">{signInMessages.FORGOTTEN_PASSWORD}</p>}
    </div>
  );
}
