import type { Metadata } from 'next';
import Link from 'next/link';

import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { Section } from '@/components/ui/section';
import { requirePermission } from '@/lib/auth/guards';
import { roleLabels } from '@/lib/schemas/user';
import { getClinicTimeZone } from '@/lib/time/get-clinic-time-zone';
import { clinicDateTime, zoneName } from '@/lib/users/clinic-date-time';
import { listTeam } from '@/lib/users/list-team';

import { InviteForm } from './_components/invite-form';
import { statusText, twoFactorText } from './_components/member-text';

export const metadata: Metadata = { title: 'Team' };

export default async function TeamPage() {
  const admin = await requirePermission('users.manage');
  const now = new Date();
  const [team, timeZone] = await Promise.all([listTeam(admin, now), getClinicTimeZone(admin.clinicId)]);
  const flagged = team.filter((m) => m.futureAppointments > 0 && (!m.active || m.role !== 'CLINICIAN'));

  return (
    <div className="flex flex-col gap-10">
      <PageHeader up={{ href: '/admin', label: 'Admin' }} title="Team">
        <p className="mt-1 max-w-2xl text-sm text-slate-700">
          Everyone who can sign in, or could. Open a person to reset their password, change their role, or
          deactivate them when they leave (they stay in the history).
        </p>
      </PageHeader>

      {flagged.length > 0 ? (
        <div
          role="alert"
          className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
        >
          <h2 className="font-semibold">Appointments to rearrange</h2>
          <ul className="mt-1 list-disc pl-5">
            {flagged.map((m) => (
              <li key={m.id}>
                <Link href={`/admin/team/${m.id}`} className="underline underline-offset-2">
                  {m.name}
                </Link>{' '}
                {m.active ? 'is no longer a clinician' : 'is deactivated'} and still has{' '}
                {m.futureAppointments === 1
                  ? '1 booked appointment'
                  : `${m.futureAppointments} booked appointments`}
                .
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <Section id="team" title="People">
        <DataTable
          look="plain"
          className="min-w-[52rem] table-fixed"
          caption={<>Last sign-in in {zoneName(timeZone)} (the clinic’s).</>}
          captionClassName="pb-2 text-left text-slate-600"
          rows={team}
          rowKey={(m) => m.id}
          columns={[
            {
              key: 'name',
              header: 'Name',
              headerClassName: 'w-1/5',
              rowHeader: true,
              className: 'font-medium break-words',
              cell: (m) => (
                <>
                  <Link href={`/admin/team/${m.id}`} className="text-brand-700 underline underline-offset-4">
                    {m.name}
                  </Link>
                  {m.isYou ? <span className="block font-normal text-slate-600">You</span> : null}
                </>
              ),
            },
            {
              key: 'email',
              header: 'Email',
              headerClassName: 'w-1/4',
              className: 'break-all',
              cell: (m) => m.email,
            },
            { key: 'role', header: 'Role', cell: (m) => roleLabels[m.role] },
            { key: 'status', header: 'Status', cell: (m) => statusText(m, timeZone) },
            { key: 'twoFactor', header: 'Two-factor', cell: (m) => twoFactorText(m) },
            {
              key: 'lastSignIn',
              header: 'Last sign-in',
              cell: (m) => (m.lastLoginAt ? clinicDateTime(m.lastLoginAt, timeZone) : 'Never'),
            },
          ]}
        />
      </Section>

      <Section id="invite" title="Invite a person" className="flex max-w-2xl flex-col gap-3">
        <InviteForm />
      </Section>
    </div>
  );
}
