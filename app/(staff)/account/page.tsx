import type { Metadata } from 'next';
import Link from 'next/link';

import { buttonClasses } from '@/components/ui/button';
import { requireUser } from '@/lib/auth/guards';
import { countUnusedRecoveryCodes } from '@/lib/auth/issue-recovery-codes';
import { isMfaRequired } from '@/lib/auth/mfa-requirement';
import { db } from '@/lib/db/client';
import { roleLabels } from '@/lib/schemas/user';
import { formatLongDate } from '@/lib/time/clinic-time';
import { getClinicTimeZone } from '@/lib/time/get-clinic-time-zone';

import { ChangePasswordForm } from './_components/change-password-form';
import { RegenerateRecoveryCodesForm } from './_components/regenerate-recovery-codes-form';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const user = await requireUser();
  const [row, timeZone] = await Promise.all([
    db().user.findUniqueOrThrow({
      where: { id: user.id },
      select: { totpEnabledAt: true, clinic: { select: { mfaRequiredForAll: true } } },
    }),
    getClinicTimeZone(user.clinicId),
  ]);
  const enrolled = row.totpEnabledAt !== null;
  const required = isMfaRequired(user.role, row.clinic.mfaRequiredForAll);
  const unusedCodes = enrolled ? await countUnusedRecoveryCodes(user.id) : 0;

  return (
    <div className="flex max-w-2xl flex-col gap-8">
      <h1 className="text-2xl font-semibold">Your account</h1>

      <section aria-labelledby="details-heading" className="flex flex-col gap-2">
        <h2 id="details-heading" className="text-lg font-semibold">
          Details
        </h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
          <dt className="text-slate-600">Name</dt>
          <dd>{user.name}</dd>
          <dt className="text-slate-600">Email</dt>
          <dd>{user.email}</dd>
          <dt className="text-slate-600">Role</dt>
          <dd>{roleLabels[user.role]}</dd>
        </dl>
        <p className="text-sm text-slate-600">
          Your practice manager (an admin) can change your name, email or role under Admin → Team.
        </p>
      </section>

      <section aria-labelledby="mfa-heading" className="flex flex-col gap-3">
        <h2 id="mfa-heading" className="text-lg font-semibold">
          Two-factor sign-in
        </h2>
        {enrolled ? (
          <>
            <p>
              <strong>On</strong> since {formatLongDate(row.totpEnabledAt!, timeZone)}. You sign in with your
              password and a code from your authenticator app.
            </p>
            <p>
              You have {unusedCodes} unused recovery {unusedCodes === 1 ? 'code' : 'codes'}
              {unusedCodes <= 3 ? ': consider making new ones.' : '.'}
            </p>
            <RegenerateRecoveryCodesForm />
            <p className="text-sm text-slate-600">
              New phone or lost your app? Ask an administrator to reset two-factor sign-in.
            </p>
          </>
        ) : (
          <>
            <p>
              <strong>Off.</strong>{' '}
              {required
                ? 'It is required for your account: you will be asked to set it up the next time you sign in.'
                : 'A code from an authenticator app on your phone, as well as your password, keeps client records safe even if your password leaks.'}
            </p>
            <Link href="/account/security/setup" className={buttonClasses('primary', 'self-start')}>
              Set up two-factor sign-in
            </Link>
          </>
        )}
      </section>

      <section aria-labelledby="password-heading" className="flex flex-col gap-3">
        <h2 id="password-heading" className="text-lg font-semibold">
          Change password
        </h2>
        <ChangePasswordForm />
      </section>
    </div>
  );
}
