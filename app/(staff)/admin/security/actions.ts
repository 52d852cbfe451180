'use server';

import { z } from 'zod';

import { clearSignInWaits, resetTwoFactor, setMfaRequiredForAll } from '@/lib/auth/manage-user-security';
import { changeAction } from '@/lib/http/change-action';
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
  return changeAction(
    { event: 'admin.mfa_policy_failed', schema: mfaPolicyForm, permission: 'settings.manage' },
    previous,
    formData,
    async (user, input) => {
      const { mfaRequiredForAll } = mfaPolicySchema.parse({
        mfaRequiredForAll: input.mfaRequiredForAll ?? '',
      });
      await setMfaRequiredForAll(user, mfaRequiredForAll);
      return mfaRequiredForAll;
    },
    (requiredForAll) =>
      requiredForAll
        ? 'Saved. Everyone now needs two-factor sign-in; people without it set it up at their next sign-in.'
        : 'Saved. Two-factor sign-in is required for admins and clinicians only.',
  );
}

// POST /admin/team/{id} – end the sign-in waits on an account (someone kept trying it).
export async function clearSignInWaitsAction(previous: FormState, formData: FormData): Promise<FormState> {
  return changeAction(
    { event: 'admin.clear_sign_in_waits_failed', schema: userForm, permission: 'users.manage' },
    previous,
    formData,
    clearSignInWaits,
    'Done. They can sign in again now, from any network.',
  );
}

// POST /admin/team/{id} – remove someone's authenticator (lost phone) so they set it up again.
export async function resetTwoFactorAction(previous: FormState, formData: FormData): Promise<FormState> {
  return changeAction(
    { event: 'admin.reset_two_factor_failed', schema: resetTwoFactorForm, permission: 'users.manage' },
    previous,
    formData,
    resetTwoFactor,
    'Two-factor sign-in was reset and they were signed out. They set it up again at their next sign-in.',
  );
}
