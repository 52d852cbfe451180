import type { Metadata } from 'next';
import Link from 'next/link';

import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { getClinicTimeZone } from '@/lib/time/get-clinic-time-zone';
import { clinicDateTime } from '@/lib/users/clinic-date-time';
import { passwordLinkMessages } from '@/lib/users/password-link-messages';
import { readPasswordLink } from '@/lib/users/read-password-link';

import { SetPasswordForm } from './_components/set-password-form';

export const metadata: Metadata = { title: 'Set your password', robots: { index: false, follow: false } };

type Params = Promise<{ token: string }>;

// GET /set-password/{token} – the page a one-time link opens. Reading it does
// not use the link up (a mail scanner or a link preview may open it first);
// only choosing a password does.
export default async function SetPasswordPage({ params }: { params: Params }) {
  const { token } = await params;
  const link = await readPasswordLink(token, new Date());

  if (link.status !== 'valid') {
    const { title, text } = passwordLinkMessages[link.status];
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
        <p className="text-slate-800">{text}</p>
        <Link href="/sign-in" className={buttonClasses('secondary', 'self-start')}>
          Go to sign in
        </Link>
      </div>
    );
  }

  const timeZone = await getClinicTimeZone(link.clinicId);
  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-2xl font-semibold text-slate-900">
        {link.purpose === 'INVITE' ? 'Welcome: choose your password' : 'Choose a new password'}
      </h1>
      <p className="text-slate-800">
        For <span className="font-medium break-all">{link.email}</span> ({link.name}). This link works once,
        until {clinicDateTime(link.expiresAt, timeZone)}.
      </p>
      {link.purpose === 'RESET' ? (
        <Alert tone="info" title="Your old password no longer works">
          You were signed out everywhere when your password was reset.
        </Alert>
      ) : null}
      <SetPasswordForm token={token} email={link.email} />
    </div>
  );
}
