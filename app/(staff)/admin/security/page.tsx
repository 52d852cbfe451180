import type { Metadata } from 'next';
import Link from 'next/link';

import { requirePermission } from '@/lib/auth/guards';
import { listUsersForSecurity } from '@/lib/auth/manage-user-security';
import { isMfaRequired } from '@/lib/auth/mfa-requirement';
import { db } from '@/lib/db/client';
import { roleLabels } from '@/lib/schemas/user';
import { formatShortDate, formatTime } from '@/lib/time/clinic-time';
import { getClinicTimeZone } from '@/lib/time/get-clinic-time-zone';

import { CreateUserForm } from './_components/create-user-form';
import { MfaPolicyForm } from './_components/mfa-policy-form';
import { UserSecurityActions } from './_components/user-security-actions';

export const metadata: Metadata = { title: 'Users and security' };

export default async function AdminSecurityPage() {
  const admin = await requirePermission('users.manage');
  const now = new Date();
  const [clinic, users, timeZone] = await Promise.all([
    db().clinic.findUniqueOrThrow({ where: { id: admin.clinicId }, select: { mfaRequiredForAll: true } }),
    listUsersForSecurity(admin, now),
    getClinicTimeZone(admin.clinicId),
  ]);

  return (
    <div className="flex flex-col gap-10">
      <div>
        <p className="text-sm">
          <Link href="/admin" className="text-brand-700 underline underline-offset-4">
            Admin
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Users and security</h1>
      </div>

      <section aria-labelledby="policy-heading" className="flex max-w-2xl flex-col gap-3">
        <h2 id="policy-heading" className="text-lg font-semibold">
          Two-factor sign-in
        </h2>
        <MfaPolicyForm requiredForAll={clinic.mfaRequiredForAll} />
      </section>

      <section aria-labelledby="users-heading" className="flex flex-col gap-3">
        <h2 id="users-heading" className="text-lg font-semibold">
          People who can sign in
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[48rem] border-collapse text-left text-sm">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">
                  Name
                </th>
                <th scope="col" className="py-2 pr-4">
                  Email
                </th>
                <th scope="col" className="py-2 pr-4">
                  Role
                </th>
                <th scope="col" className="py-2 pr-4">
                  Two-factor
                </th>
                <th scope="col" className="py-2 pr-4">
                  Status
                </th>
                <th scope="col" className="py-2">
                  Actions
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => {
                const waitUntil = u.signInWaitUntil;
                const required = isMfaRequired(u.role, clinic.mfaRequiredForAll);
                return (
                  <tr key={u.id} className="border-b border-slate-200 align-top">
                    <th scope="row" className="py-2 pr-4 font-medium">
                      {u.name}
                    </th>
                    <td className="py-2 pr-4 break-all">{u.email}</td>
                    <td className="py-2 pr-4">{roleLabels[u.role]}</td>
                    <td className="py-2 pr-4">
                      {u.totpEnabled ? 'On' : required ? 'Off: set up at next sign-in' : 'Off'}
                    </td>
                    <td className="py-2 pr-4">
                      {!u.active
                        ? 'Deactivated'
                        : waitUntil
                          ? `Sign-in paused after repeated failures, until ${formatTime(waitUntil, timeZone)}, ${formatShortDate(waitUntil, timeZone)}`
                          : 'Active'}
                      {u.active && u.failedSinceLastSignIn > 0 ? (
                        <span className="block text-slate-600">
                          {u.failedSinceLastSignIn === 1
                            ? '1 failed attempt since their last sign-in'
                            : `${u.failedSinceLastSignIn} failed attempts since their last sign-in`}
                        </span>
                      ) : null}
                    </td>
                    <td className="py-2">
                      <UserSecurityActions
                        userId={u.id}
                        name={u.name}
                        waiting={waitUntil !== null}
                        totpEnabled={u.totpEnabled}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="create-heading" className="flex max-w-2xl flex-col gap-3">
        <h2 id="create-heading" className="text-lg font-semibold">
          Add a person
        </h2>
        <CreateUserForm />
      </section>
    </div>
  );
}
