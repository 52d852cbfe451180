'use server';

import { refresh } from 'next/cache';
import { z } from 'zod';

import { createUser } from '@/lib/auth/create-user';
import { clearSignInWaits, resetTwoFactor, setMfaRequiredForAll } from '@/lib/auth/manage-user-security';
import { formAction } from '@/lib/http/form-action';
import type { FormState } from '@/lib/schemas/form-state';
import { entityId, textFields } from '@/lib/schemas/safe-text';
import { createUserFormFields, mfaPolicySchema } from '@/lib/schemas/user';

const mfaPolicyForm = textFields({ mfaRequiredForAll: 16 });
const createUserForm = textFields({
  name: 200,
  email: 320,
  role: 32,
  givenName: 200,
  familyName: 200,
  temporaryPassword: 1024,
});
const userForm = z.object({ userId: entityId });

// POST /admin/security – turn "require two-factor for everyone" on or off.
export async function setMfaPolicyAction(previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(
    {
      event: 'admin.mfa_policy_failed',
      schema: mfaPolicyForm,
      fields: ['mfaRequiredForAll'],
      permission: 'settings.manage',
    },
    previous,
    formData,
    async (input, { user }) => {
      const { mfaRequiredForAll } = mfaPolicySchema.parse({
        mfaRequiredForAll: input.mfaRequiredForAll ?? '',
      });
      await setMfaRequiredForAll(user, mfaRequiredForAll);
      refresh();
      return {
        status: 'success',
        message: mfaRequiredForAll
          ? 'Saved. Everyone now needs two-factor sign-in; people without it set it up at their next sign-in.'
          : 'Saved. Two-factor sign-in is required for admins and clinicians only.',
      };
    },
  );
}

// POST /admin/security – add a staff account with a temporary password.
export async function createUserAction(previous: FormState, formData: FormData): Promise<FormState> {
  // The temporary password is used but never echoed back into the form.
  return formAction(
    {
      event: 'admin.create_user_failed',
      schema: createUserForm,
      fields: [...createUserFormFields, 'temporaryPassword'],
      secret: ['temporaryPassword'],
      permission: 'users.manage',
    },
    previous,
    formData,
    async (input, { user }) => {
      await createUser(user, input);
      refresh();
      return {
        status: 'success',
        message: `Account created. Give ${input.name?.trim() || 'them'} the temporary password in person or by phone, and ask them to change it from their account page after signing in.`,
      };
    },
  );
}

// POST /admin/security – end the sign-in waits on an account (someone kept trying it).
export async function clearSignInWaitsAction(previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(
    {
      event: 'admin.clear_sign_in_waits_failed',
      schema: userForm,
      fields: ['userId'],
      permission: 'users.manage',
    },
    previous,
    formData,
    async (input, { user }) => {
      await clearSignInWaits(user, input);
      refresh();
      return { status: 'success', message: 'Done. They can sign in again now, from any network.' };
    },
  );
}

// POST /admin/security – remove someone's authenticator (lost phone) so they set it up again.
export async function resetTwoFactorAction(previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(
    {
      event: 'admin.reset_two_factor_failed',
      schema: userForm,
      fields: ['userId'],
      permission: 'users.manage',
    },
    previous,
    formData,
    async (input, { user }) => {
      await resetTwoFactor(user, input);
      refresh();
      return {
        status: 'success',
        message:
          'Two-factor sign-in was reset and they were signed out. They set it up again at their next sign-in.',
      };
    },
  );
}
