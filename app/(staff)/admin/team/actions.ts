'use server';

import { z } from 'zod';

import type { SessionUser } from '@/lib/auth/session-user';
import { changeAction } from '@/lib/http/change-action';
import { CONFIRM_FIELD, confirmed } from '@/lib/schemas/confirmation';
import type { FormState } from '@/lib/schemas/form-state';
import { entityId, singleLine, textFields } from '@/lib/schemas/safe-text';
import { changeRoleSchema, inviteUserSchema, roleLabels, updateUserDetailsSchema } from '@/lib/schemas/user';
import { getClinicTimeZone } from '@/lib/time/get-clinic-time-zone';
import { changeUserRole } from '@/lib/users/change-user-role';
import { clinicDateTime } from '@/lib/users/clinic-date-time';
import { inviteUser } from '@/lib/users/invite-user';
import { resetPassword } from '@/lib/users/reset-password';
import { setUserActive } from '@/lib/users/set-user-active';
import { updateUserDetails } from '@/lib/users/update-user-details';

/** An action that made a one-time link: shown once, with a copy button. */
export type LinkState = FormState & { url?: string };

const inviteForm = textFields({ name: 200, email: 320, role: 32, givenName: 200, familyName: 200 });
const personForm = z.object({ userId: entityId, [CONFIRM_FIELD]: confirmed() });
const roleForm = textFields({ role: 32, givenName: 200, familyName: 200 }).extend({
  userId: entityId,
  [CONFIRM_FIELD]: confirmed(),
});

// A name and an email are one line each: no control characters at all (not even a pasted tab).
const detailsForm = z.object({
  userId: entityId,
  name: singleLine(200).optional(),
  email: singleLine(320).optional(),
  // Sent by the confirm dialog, which asks only when the email changes; the operation requires it then.
  [CONFIRM_FIELD]: confirmed().optional(),
});

type Invited = { values: z.output<typeof inviteUserSchema>; issued: Awaited<ReturnType<typeof inviteUser>> };
type Issued = Awaited<ReturnType<typeof resetPassword>>;

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/** "expires 5 Dec 2026, 10:03 am AEDT", on the clinic's clock. */
async function expiry(user: SessionUser, expiresAt: Date): Promise<string> {
  return `expires ${clinicDateTime(expiresAt, await getClinicTimeZone(user.clinicId))}`;
}

/** Appointments still booked with a person whose role or status changed. */
function stillBooked(futureAppointments: number, how: string): string {
  return futureAppointments > 0
    ? ` ${plural(futureAppointments, 'appointment is', 'appointments are')} still booked with them ${how}: rebook or cancel them (listed below).`
    : '';
}

// POST /admin/team – invite a person: their account, and a one-time link to choose a password.
export async function inviteUserAction(previous: LinkState, formData: FormData): Promise<LinkState> {
  return changeAction<typeof inviteForm, Invited, 'users.manage', { url: string }>(
    { event: 'admin.invite_user_failed', schema: inviteForm, permission: 'users.manage' },
    previous,
    formData,
    async (user, input) => {
      const values = inviteUserSchema.parse(input);
      return { values, issued: await inviteUser(user, values) };
    },
    async ({ values, issued }, user) => ({
      status: 'success',
      message: `${values.name} is invited as ${roleLabels[values.role]}. Copy the link now and give it to them (in person, by phone or by message): it is shown only once, works once, and ${await expiry(user, issued.expiresAt)}.`,
      url: issued.url,
    }),
  );
}

// POST /admin/team/{id} – reset a password: the old one stops working, every session ends, and a link is shown once.
export async function resetPasswordAction(previous: LinkState, formData: FormData): Promise<LinkState> {
  return changeAction<typeof personForm, Issued, 'users.manage', { url: string }>(
    { event: 'admin.reset_password_failed', schema: personForm, permission: 'users.manage' },
    previous,
    formData,
    (user, { userId }) => resetPassword(user, { userId }),
    async (issued, user) => ({
      status: 'success',
      message:
        issued.purpose === 'RESET'
          ? `Password reset: they were signed out everywhere. Copy the link now and give it to them: it is shown only once, works once, and ${await expiry(user, issued.expiresAt)}.`
          : `A new invite link was made and the old one no longer works. Copy it now: it is shown only once and ${await expiry(user, issued.expiresAt)}.`,
      url: issued.url,
    }),
  );
}

// POST /admin/team/{id} – deactivate: every session ends at once; they stay in the history.
export async function deactivateUserAction(previous: FormState, formData: FormData): Promise<FormState> {
  return changeAction(
    { event: 'admin.deactivate_user_failed', schema: personForm, permission: 'users.manage' },
    previous,
    formData,
    (user, { userId }) => setUserActive(user, { userId, active: false }),
    (result) => {
      const booked = stillBooked(result.futureAppointments, 'from now on');
      return result.changed
        ? `Deactivated. They were signed out at once and can’t sign in until reactivated.${booked}`
        : `They were already deactivated.${booked}`;
    },
  );
}

// POST /admin/team/{id} – reactivate: they can sign in again with their password.
export async function reactivateUserAction(previous: FormState, formData: FormData): Promise<FormState> {
  return changeAction(
    {
      event: 'admin.reactivate_user_failed',
      schema: z.object({ userId: entityId }),
      permission: 'users.manage',
    },
    previous,
    formData,
    (user, { userId }) => setUserActive(user, { userId, active: true }),
    (result) =>
      result.changed
        ? 'Reactivated. They can sign in again with their password (or reset it if they have forgotten it).'
        : 'They were already active.',
  );
}

// POST /admin/team/{id} – change a role: their sessions end and they sign in again under the new role.
export async function changeRoleAction(previous: FormState, formData: FormData): Promise<FormState> {
  return changeAction(
    { event: 'admin.change_role_failed', schema: roleForm, permission: 'users.manage' },
    previous,
    formData,
    async (user, { userId, ...input }) => {
      const values = changeRoleSchema.parse(input);
      return { role: values.role, ...(await changeUserRole(user, { userId, ...values })) };
    },
    (result) =>
      result.changed
        ? `Role changed to ${roleLabels[result.role]}. They were signed out and sign in again with the new role.${stillBooked(result.futureAppointments, 'as clinician')}`
        : `They already have the role ${roleLabels[result.role]}.`,
  );
}

// POST /admin/team/{id} – change a name or email: a new email ends their sessions (it is how they sign in).
export async function updateUserDetailsAction(previous: FormState, formData: FormData): Promise<FormState> {
  return changeAction(
    { event: 'admin.update_user_details_failed', schema: detailsForm, permission: 'users.manage' },
    previous,
    formData,
    async (user, { userId, name, email, [CONFIRM_FIELD]: confirm }) => {
      const values = updateUserDetailsSchema.parse({ name, email });
      const result = await updateUserDetails(user, {
        userId,
        ...values,
        emailChangeConfirmed: confirm !== undefined,
      });
      return { ...result, self: userId === user.id };
    },
    (result) =>
      result.emailChanged
        ? `Saved. ${result.self ? 'You were' : 'They were'} signed out everywhere and sign in again with the new email address.`
        : result.nameChanged
          ? 'Saved. The new name shows everywhere from now on.'
          : 'Nothing changed.',
  );
}
