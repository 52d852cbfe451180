import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';

import { PageHeader } from '@/components/ui/page-header';
import { Section } from '@/components/ui/section';
import { requirePermission } from '@/lib/auth/guards';
import { entityId } from '@/lib/schemas/safe-text';
import { roleLabels } from '@/lib/schemas/user';
import { getClinicTimeZone } from '@/lib/time/get-clinic-time-zone';
import { clinicDateTime } from '@/lib/users/clinic-date-time';
import { getTeamMember } from '@/lib/users/list-team';

import { clearSignInWaitsAction, resetTwoFactorAction } from '../../security/actions';
import {
  changeRoleAction,
  deactivateUserAction,
  reactivateUserAction,
  resetPasswordAction,
  updateUserDetailsAction,
} from '../actions';
import { statusText, twoFactorText } from '../_components/member-text';

import { DetailsForm } from './_components/details-form';
import {
  AccessAction,
  ChangeRoleForm,
  ConfirmedPersonAction,
  PersonAction,
  ResetPasswordAction,
} from './_components/person-actions';

export const metadata: Metadata = { title: 'Team member' };

type Params = Promise<{ id: string }>;

// Each part below a rule, so the page reads as a list of separate tasks.
const ruled = 'flex flex-col gap-3 border-t border-slate-200 pt-6';

export default async function TeamMemberPage({ params }: { params: Params }) {
  const admin = await requirePermission('users.manage');
  const parsed = entityId.safeParse((await params).id);
  if (!parsed.success) notFound();
  const now = new Date();
  const [member, timeZone] = await Promise.all([
    getTeamMember(admin, parsed.data, now),
    getClinicTimeZone(admin.clinicId),
  ]);
  if (!member) notFound();
  const first = member.name.split(/\s+/)[0] || member.name;
  const [given = '', ...rest] = member.name.split(/\s+/);

  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <PageHeader
        up={{ href: '/admin/team', label: 'Team' }}
        title={member.name}
        titleClassName="break-words"
      />

      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
        <Item term="Email">
          <span className="break-all">{member.email}</span>
        </Item>
        <Item term="Role">{roleLabels[member.role]}</Item>
        <Item term="Status">{statusText(member, timeZone)}</Item>
        <Item term="Two-factor sign-in">{twoFactorText(member)}</Item>
        <Item term="Last sign-in">
          {member.lastLoginAt ? clinicDateTime(member.lastLoginAt, timeZone) : 'Never'}
        </Item>
        {member.failedSinceLastSignIn > 0 ? (
          <Item term="Failed attempts">{member.failedSinceLastSignIn} since their last sign-in</Item>
        ) : null}
      </dl>

      {member.upcoming.length > 0 && (!member.active || member.role !== 'CLINICIAN') ? (
        <section
          aria-labelledby="upcoming-heading"
          className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
        >
          <h2 id="upcoming-heading" className="font-semibold">
            {member.upcoming.length === 1 ? '1 appointment' : `${member.upcoming.length} appointments`} still
            booked with {first}
          </h2>
          <p className="mt-1">
            {member.active ? `${first} is no longer a clinician.` : `${first} is deactivated.`} Rebook each
            with another clinician, or cancel it (the patient is told). Nothing was changed automatically.
          </p>
          <ul className="mt-2 list-disc pl-5">
            {member.upcoming.map((a) => (
              <li key={a.id}>
                <Link href={`/appointments/${a.id}`} className="underline underline-offset-2">
                  {clinicDateTime(a.startsAt, timeZone)},{' '}
                  {a.kind === 'TELEHEALTH' ? 'telehealth' : 'in person'}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {member.isYou ? (
        <p className="text-slate-700">
          This is you. Change your own password on{' '}
          <Link href="/account" className="text-brand-700 underline underline-offset-4">
            your account page
          </Link>
          . If you change your own role or deactivate yourself, you are signed out at once; the clinic always
          keeps at least one active admin.
        </p>
      ) : null}
      {
        <>
          <Section className={ruled} id="details" title="Name and email">
            <DetailsForm
              action={updateUserDetailsAction}
              userId={member.id}
              firstName={first}
              isYou={member.isYou}
              current={{ name: member.name, email: member.email }}
            />
          </Section>

          {member.active && !member.isYou ? (
            <Section className={ruled} id="password" title="Password">
              <p className="text-sm text-slate-700">
                {member.invitePending
                  ? `${first} has not chosen a password yet. Make a new invite link if the first was lost or expired (the old one stops working).`
                  : `For a forgotten or exposed password. You get a link to give ${first}; it works once, within 24 hours.`}
              </p>
              <ResetPasswordAction
                action={resetPasswordAction}
                userId={member.id}
                dialog={
                  member.invitePending
                    ? {
                        triggerLabel: 'Make a new invite link',
                        title: `Make a new invite link for ${first}?`,
                        message: 'The link you made before stops working at once.',
                        confirmLabel: 'Make a new link',
                      }
                    : {
                        triggerLabel: 'Reset password',
                        title: `Reset ${first}’s password?`,
                        message: `${first}’s current password stops working and ${first} is signed out everywhere at once. You’ll get a one-time link to give ${first}, to choose a new password within 24 hours.`,
                        confirmLabel: 'Reset the password',
                      }
                }
              />
            </Section>
          ) : null}

          <Section className={ruled} id="role" title="Role">
            <ChangeRoleForm
              action={changeRoleAction}
              userId={member.id}
              firstName={first}
              isYou={member.isYou}
              currentRole={member.role}
              hasClinicianRow={member.clinicianNames !== null}
              clinicianNames={member.clinicianNames ?? { givenName: given, familyName: rest.join(' ') }}
            />
          </Section>

          {member.active && !member.isYou && (member.totpEnabled || member.signInWaitUntil) ? (
            <Section className={ruled} id="two-factor" title="Sign-in problems">
              {member.signInWaitUntil ? (
                <PersonAction
                  action={clearSignInWaitsAction}
                  userId={member.id}
                  label="Let them sign in now"
                  pendingLabel="Clearing…"
                />
              ) : null}
              {member.totpEnabled ? (
                <ConfirmedPersonAction
                  action={resetTwoFactorAction}
                  userId={member.id}
                  dialog={{
                    triggerLabel: 'Reset two-factor',
                    title: `Reset ${first}’s two-factor sign-in?`,
                    message: `For a lost or replaced phone. ${first}’s authenticator and recovery codes stop working, ${first} is signed out everywhere at once and sets up two-factor again at the next sign-in.`,
                    confirmLabel: 'Reset two-factor',
                    pendingLabel: 'Resetting…',
                  }}
                />
              ) : null}
            </Section>
          ) : null}

          <Section className={ruled} id="access" title="Access">
            <AccessAction
              active={member.active}
              userId={member.id}
              firstName={first}
              deactivate={deactivateUserAction}
              reactivate={reactivateUserAction}
              isYou={member.isYou}
              deactivateMessage={
                member.isYou
                  ? 'You will be signed out at once and can’t sign in until another admin reactivates you.'
                  : `${first} will be signed out at once and can’t sign in until reactivated. ${first} stays in the history (appointments, audit).${
                      member.futureAppointments > 0
                        ? ` ${member.futureAppointments === 1 ? '1 appointment is' : `${member.futureAppointments} appointments are`} still booked with ${first}: you will need to rebook or cancel them.`
                        : ''
                    }`
              }
            />
          </Section>
        </>
      }
    </div>
  );
}

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-700">{term}</dt>
      <dd className="text-slate-900">{children}</dd>
    </>
  );
}
