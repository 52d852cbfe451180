import type { Metadata } from 'next';
import Link from 'next/link';
import QRCode from 'qrcode';

import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { requireEnrolmentSession } from '@/lib/auth/current-user';
import { startTotpEnrolment } from '@/lib/auth/enrol-totp';
import { signOutAction } from '@/lib/auth/sign-out';

import { TotpSetupForm } from './_components/totp-setup-form';

export const metadata: Metadata = { title: 'Set up two-factor sign-in' };

// In the (auth) group, not (staff): a session still owing its second factor
// may open this page and nothing else, and the staff layout admits only full sessions.
export default async function TotpSetupPage() {
  const session = await requireEnrolmentSession();
  const enrolment = await startTotpEnrolment(session.userId);

  if (enrolment.status === 'enrolled') {
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-2xl font-semibold">Two-factor sign-in is already on</h1>
        {session.mfaPending ? (
          <>
            <p>
              It was set up from another browser. Sign out, then sign in again with a code from your
              authenticator app.
            </p>
            <SignOutButton />
          </>
        ) : (
          <Link href="/account" className={buttonClasses('secondary', 'self-start')}>
            Back to your account
          </Link>
        )}
      </div>
    );
  }

  // Drawn here on the server: no request leaves the portal with the secret.
  const svg = await QRCode.toString(enrolment.uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  const qrDataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  const groupedSecret = enrolment.secret.match(/.{1,4}/g)?.join(' ') ?? enrolment.secret;

  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-2xl font-semibold">Set up two-factor sign-in</h1>
      {session.mfaPending ? (
        <Alert tone="info" title="One more step before you continue">
          Your account needs a second step when signing in, to protect client records. It takes about two
          minutes.
        </Alert>
      ) : null}

      <ol className="flex list-decimal flex-col gap-5 pl-5">
        <li>
          <p>
            Install an authenticator app on your phone if you do not have one, such as Microsoft
            Authenticator, Google Authenticator or 1Password.
          </p>
        </li>
        <li className="flex flex-col gap-3">
          <p>In the app, add an account and scan this QR code.</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- an inline data: URL; next/image adds nothing here */}
          <img
            src={qrDataUrl}
            alt="QR code for adding this portal to your authenticator app"
            width={200}
            height={200}
            className="rounded border border-slate-200 bg-white"
          />
          <div>
            <p className="text-sm text-slate-700">Cannot scan it? Choose to enter a key instead, and type:</p>
            <p className="mt-1 font-mono text-base tracking-wide break-all">{groupedSecret}</p>
            <p className="mt-1 text-sm text-slate-600">Account: {enrolment.account} · Type: time-based</p>
          </div>
        </li>
        <li>
          <TotpSetupForm />
        </li>
      </ol>

      {session.mfaPending ? <SignOutButton /> : null}
    </div>
  );
}

function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className={buttonClasses('ghost', 'px-0')}>
        Sign out
      </button>
    </form>
  );
}
