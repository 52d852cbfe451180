import type { Metadata } from 'next';
import { redirect } from 'next/navigation';

import { getSessionState } from '@/lib/auth/current-user';
import { safeNextPath } from '@/lib/auth/safe-next-path';
import { signInMessages } from '@/lib/auth/sign-in-messages';

import { SignInForm, type SignInNotice } from './_components/sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  const state = await getSessionState();

  // Someone already signed in (another tab) is sent on.
  if (state.status === 'active') redirect(next ?? '/dashboard');
  if (state.status === 'mfa-pending') redirect('/account/security/setup');

  let notice: SignInNotice | null = null;
  if (params.signedOut === '1') notice = { tone: 'success', text: signInMessages.SIGNED_OUT };
  else if (params.passwordSet === '1') notice = { tone: 'success', text: signInMessages.PASSWORD_SET };
  else if (params.passwordSet === 'two-factor') {
    notice = { tone: 'success', text: signInMessages.PASSWORD_SET_TWO_FACTOR };
  } else if (state.reason === 'idle') notice = { tone: 'info', text: signInMessages.IDLE };
  else if (state.reason === 'expired') notice = { tone: 'info', text: signInMessages.EXPIRED };
  else if (state.reason === 'unavailable') {
    notice = { tone: 'info', text: signInMessages.DEACTIVATED_SIGNED_OUT };
  } else if (state.reason === 'revoked') notice = { tone: 'info', text: signInMessages.REVOKED };

  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold text-slate-900">Sign in</h1>
      <SignInForm next={next} notice={notice} />
    </>
  );
}
