'use server';

import { refresh } from 'next/cache';
import { z } from 'zod';

import { formAction } from '@/lib/http/form-action';
import { CONFIRM_FIELD, confirmed } from '@/lib/schemas/confirmation';
import type { FormState } from '@/lib/schemas/form-state';
import { entityId, singleLine, textFields } from '@/lib/schemas/safe-text';
import {
  changeRoleSchema,
  inviteUserFormFields,
  inviteUserSchema,
  roleLabels,
  updateUserDetailsFormFields,
  updateUserDetailsSchema,
} from '@/lib/schemas/user';
import { changeUserRole } from '@/lib/users/change-user-role';
import { clinicDateTime } from '@/lib/users/clinic-date-time';
import { inviteUser } from '@/lib/users/invite-user';
import { resetPassword } from '@/lib/users/reset-password';
import { setUserActive } from '@/lib/users/set-user-active';
import { updateUserDetails } from '@/lib/users/update-user-details';
import { getClinicTimeZone } from '@/lib/time/get-clinic-time-zone';

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

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

// POST /admin/team – invite a person: their account, and a one-time link to choose a password.
export async function inviteUserAction(previous: LinkState, formData: FormData): Promise<LinkState> {
  return formAction<typeof inviteForm, { url: string }, 'users.manage'>(
    {
      event: 'admin.invite_user_failed',
      schema: inviteForm,
      fields: inviteUserFormFields,
      permission: 'users.manage',
    },
    previous,
    formData,
    async (input, { user }) => {
      const values = inviteUserSchema.parse(input);
      const issued = await inviteUser(user, values);
      const timeZone = await getClinicTimeZone(user.clinicId);
      refresh();
      return {
        status: 'success',
        message: `${values.name} is invited as ${roleLabels[values.role]}. Copy the link now and give it to them (in person, by phone or by message): it is shown only once, works once, and expires ${clinicDateTime(issued.expiresAt, timeZone)}.`,
        url: issued.url,
      };
    },
  );
}

// POST /admin/team/{id} – reset a password: the old one stops working, every session ends, and a link is shown once.
export async function resetPasswordAction(previous: LinkState, formData: FormData): Promise<LinkState> {
  return formAction<typeof personForm, { url: string }, 'users.manage'>(
    {
      event: 'admin.reset_password_failed',
      schema: personForm,
      fields: ['userId', CONFIRM_FIELD],
      permission: 'users.manage',
    },
    previous,
    formData,
    async ({ userId }, { user }) => {
      const issued = await resetPassword(user, { userId });
      const timeZone = await getClinicTimeZone(user.clinicId);
      refresh();
      return {
        status: 'success',
        message:
          issued.purpose === 'RESET'
            ? `Password reset: they were signed out everywhere. Copy the link now and give it to them: it is shown only once, works once, and expires ${clinicDateTime(issued.expiresAt, timeZone)}.`
            : `A new invite link was made and the old one no longer works. Copy it now: it is shown only once and expires ${clinicDateTime(issued.expiresAt, timeZone)}.`,
        url: issued.url,
      };
    },
  );
}

// POST /admin/team/{id} – deactivate: every session ends at once; they stay in the history.
export async function deactivateUserAction(previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(
    {
      event: 'admin.deactivate_user_failed',
      schema: personForm,
      fields: ['userId', CONFIRM_FIELD],
      permission: 'users.manage',
    },
    previous,
    formData,
    async ({ userId }, { user }) => {
      const result = await setUserActive(user, { userId, active: false });
      refresh();
      const booked =
        result.futureAppointments > 0
          ? ` ${plural(result.futureAppointments, 'appointment is', 'appointments are')} still booked with them from now on: rebook or cancel them (listed below).`
          : '';
      return {
        status: 'success',
        message: result.changed
          ? `Deactivated. They were signed out at once and can’t sign in until reactivated.${booked}`
          : `They were already deactivated.${booked}`,
      };
    },
  );
}

// POST /admin/team/{id} – reactivate: they can sign in again with their password.
export async function reactivateUserAction(previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(
    {
      event: 'admin.reactivate_user_failed',
      schema: z.object({ userId: entityId }),
      fields: ['userId'],
      permission: 'users.manage',
    },
    previous,
    formData,
    async ({ userId }, { user }) => {
      const result = await setUserActive(user, { userId, active: true });
      refresh();
      return {
        status: 'success',
        message: result.changed
          ? 'Reactivated. They can sign in again with their password (or reset it if they have forgotten it).'
          : 'They were already active.',
      };
    },
  );
}

// POST /admin/team/{id} – change a role: their sessions end and they sign in again under the new role.
export async function changeRoleAction(previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(
    {
      event: 'admin.change_role_failed',
      schema: roleForm,
      fields: ['userId', 'role', 'givenName', 'familyName', CONFIRM_FIELD],
      permission: 'users.manage',
    },
    previous,
    formData,
    async ({ userId, ...input }, { user }) => {
      const values = changeRoleSchema.parse(input);
      const result = await changeUserRole(user, { userId, ...values });
      refresh();
      const booked =
        result.futureAppointments > 0
          ? ` ${plural(result.futureAppointments, 'appointment is', 'appointments are')} still booked with them as clinician: rebook or cancel them (listed below).`
          : '';
      return {
        status: 'success',
        message: result.changed
          ? `Role changed to ${roleLabels[values.role]}. They were signed out and sign in again with the new role.${booked}`
          : `They already have the role ${roleLabels[values.role]}.`,
      };
    },
  );
}

// POST /admin/team/{id} – change a name or email: a new email ends their sessions (it is how they sign in).
export async function updateUserDetailsAction(previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(
    {
      event: 'admin.update_user_details_failed',
      schema: detailsForm,
      fields: ['userId', ...updateUserDetailsFormFields, CONFIRM_FIELD],
      permission: 'users.manage',
    },
    previous,
    formData,
    async ({ userId, name, email, [CONFIRM_FIELD]: confirm }, { user }) => {
      const values = updateUserDetailsSchema.parse({ name, email });
      const result = await updateUserDetails(user, {
        userId,
        ...values,
        emailChangeConfirmed: confirm !== undefined,
      });
      refresh();
      if (result.emailChanged) {
        return {
          status: 'success',
          message: `Saved. ${userId === user.id ? 'You were' : 'They were'} signed out everywhere and sign in again with the new email address.`,
        };
      }
      return {
        status: 'success',
        message: result.nameChanged
          ? 'Saved. The new name shows everywhere from now on.'
          : 'Nothing changed.',
      };
    },
  );
}
