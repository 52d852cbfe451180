'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { signInMessages, type SignInError } from '@/lib/auth/sign-in-messages';

export type SignInNotice = { tone: 'info' | 'success'; text: string };

type Step = 'password' | 'code';

// TextField gives each input the id "field-<name>".
function focusField(name: string) {
  document.getElementById(`field-${name}`)?.focus();
}

export function SignInForm({ next, notice }: { next: string | null; notice: SignInNotice | null }) {
  const [step, setStep] = useState<Step>('password');
  const [useRecoveryCode, setUseRecoveryCode] = useState(false);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  function backToPassword(message: string | null) {
    flushSync(() => {
      setStep('password');
      setCode('');
      setPassword('');
      setCodeError(null);
      setUseRecoveryCode(false);
      setError(message);
    });
    focusField('password');
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setCodeError(null);
    const typedCode = code.trim();
    if (step === 'code' && !typedCode) {
      setCodeError(useRecoveryCode ? signInMessages.RECOVERY_CODE_MISSING : signInMessages.CODE_MISSING);
      focusField('code');
      return;
    }
    setPending(true);
    let done = false;
    try {
      const result = await signIn('credentials', {
        redirect: false,
        email,
        password,
        ...(step === 'code' ? { code: typedCode } : {}),
      });
      if (result?.ok && !result.error) {
        done = true;
        // The sign-in page, loaded again with the new cookie, sends the person on
        // (to where they were going, or to set up two-factor when it is owed).
        window.location.assign(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in');
        return;
      }
      const failure = result?.error as SignInError | 'CredentialsSignin' | undefined;
      switch (failure) {
        case 'CODE_REQUIRED':
          flushSync(() => setStep('code'));
          focusField('code');
          break;
        case 'CODE_INVALID':
          flushSync(() => {
            setCode('');
            setCodeError(
              useRecoveryCode ? signInMessages.RECOVERY_CODE_INVALID : signInMessages.CODE_INVALID,
            );
          });
          focusField('code');
          break;
        case 'ACCOUNT_LOCKED':
          backToPassword(signInMessages.ACCOUNT_LOCKED);
          break;
        case 'INVALID_CREDENTIALS':
        case 'CredentialsSignin':
          backToPassword(signInMessages.INVALID_CREDENTIALS);
          break;
        default:
          setError(signInMessages.UNEXPECTED);
      }
    } catch {
      setError(signInMessages.UNEXPECTED);
    } finally {
      if (!done) setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-5">
      {notice && !error ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {error ? (
        <Alert tone="error" title="You are not signed in">
          {error}
        </Alert>
      ) : null}

      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-busy={pending}>
        {step === 'password' ? (
          <>
            <TextField
              label="Email"
              name="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
            <TextField
              label="Password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </>
        ) : (
          <>
            <p className="text-sm text-slate-700">
              {useRecoveryCode
                ? 'Enter one of the recovery codes you saved when you set up two-factor sign-in. Each code works once.'
                : 'Open your authenticator app and enter the 6-digit code it shows for this portal.'}
            </p>
            {useRecoveryCode ? (
              <TextField
                key="recovery"
                label="Recovery code"
                name="code"
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                hint="For example 7k2m-q9xd-4hvt"
                errors={codeError ? [codeError] : undefined}
                value={code}
                onChange={(e) => setCode(e.target.value)}
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
                errors={codeError ? [codeError] : undefined}
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            )}
          </>
        )}

        <Button type="submit" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>

      {step === 'code' ? (
        <div className="flex flex-col items-start gap-1 text-sm">
          <button
            type="button"
            className="rounded px-1 py-2 text-brand-700 underline underline-offset-4"
            onClick={() => {
              flushSync(() => {
                setUseRecoveryCode((v) => !v);
                setCode('');
                setCodeError(null);
              });
              focusField('code');
            }}
          >
            {useRecoveryCode
              ? 'Use a code from your authenticator app instead'
              : 'Use a recovery code instead'}
          </button>
          <button
            type="button"
            className="rounded px-1 py-2 text-slate-700 underline underline-offset-4"
            onClick={() => backToPassword(null)}
          >
            Start again with a different email
          </button>
        </div>
      ) : (
        <p className="text-sm text-slate-600">
          Forgotten your password? Ask an administrator to set a new one.
        </p>
      )}
    </div>
  );
}
