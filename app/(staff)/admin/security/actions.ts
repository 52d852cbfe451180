'use server';

import { refresh } from 'next/cache';
import { z } from 'zod';

import { clearSignInWaits, resetTwoFactor, setMfaRequiredForAll } from '@/lib/auth/manage-user-security';
import { formAction } from '@/lib/http/form-action';
import { CONFIRM_FIELD, confirmed } from '@/lib/schemas/confirmation';
import type { FormState } from '@/lib/schemas/form-state';
import { entityId, textFields } from '@/lib/schemas/safe-text';
import { mfaPolicySchema } from '@/lib/schemas/user';

const mfaPolicyForm = textFields({ mfaRequiredForAll: 16 });
const userForm = z.object({ userId: entityId });
// Resetting two-factor signs the person out and takes their authenticator away: it must be confirmed.
const resetTwoFactorForm = z.object({ userId: entityId, [CONFIRM_FIELD]: confirmed() });

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

// POST /admin/team/{id} – end the sign-in waits on an account (someone kept trying it).
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

// POST /admin/team/{id} – remove someone's authenticator (lost phone) so they set it up again.
export async function resetTwoFactorAction(previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(
    {
      event: 'admin.reset_two_factor_failed',
      schema: resetTwoFactorForm,
      fields: ['userId', CONFIRM_FIELD],
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
