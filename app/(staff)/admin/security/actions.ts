'use server';

import { refresh } from 'next/cache';

import { createUser } from '@/lib/auth/create-user';
import { requirePermission } from '@/lib/auth/guards';
import { clearSignInWaits, resetTwoFactor, setMfaRequiredForAll } from '@/lib/auth/manage-user-security';
import { runFormAction } from '@/lib/auth/run-form-action';
import { formValues, type FormState } from '@/lib/schemas/form-state';
import { createUserFormFields, mfaPolicySchema } from '@/lib/schemas/user';

// POST /admin/security – turn "require two-factor for everyone" on or off.
export async function setMfaPolicyAction(previous: FormState, formData: FormData): Promise<FormState> {
  const admin = await requirePermission('settings.manage');
  return runFormAction('admin.mfa_policy_failed', previous, {}, async () => {
    const { mfaRequiredForAll } = mfaPolicySchema.parse({
      mfaRequiredForAll: formData.get('mfaRequiredForAll') ?? '',
    });
    await setMfaRequiredForAll(admin, mfaRequiredForAll);
    refresh();
    return {
      status: 'success',
      message: mfaRequiredForAll
        ? 'Saved. Everyone now needs two-factor sign-in; people without it set it up at their next sign-in.'
        : 'Saved. Two-factor sign-in is required for admins and clinicians only.',
    };
  });
}

// POST /admin/security – add a staff account with a temporary password.
export async function createUserAction(previous: FormState, formData: FormData): Promise<FormState> {
  const admin = await requirePermission('users.manage');
  // The temporary password is used but never echoed back into the form.
  const values = formValues(formData, createUserFormFields);
  const temporaryPassword = formData.get('temporaryPassword');
  return runFormAction('admin.create_user_failed', previous, values, async () => {
    await createUser(admin, {
      ...values,
      temporaryPassword: typeof temporaryPassword === 'string' ? temporaryPassword : undefined,
    });
    refresh();
    return {
      status: 'success',
      message: `Account created. Give ${values.name?.trim() || 'them'} the temporary password in person or by phone, and ask them to change it from their account page after signing in.`,
    };
  });
}

// POST /admin/security – end the sign-in waits on an account (someone kept trying it).
export async function clearSignInWaitsAction(previous: FormState, formData: FormData): Promise<FormState> {
  const admin = await requirePermission('users.manage');
  return runFormAction('admin.clear_sign_in_waits_failed', previous, {}, async () => {
    await clearSignInWaits(admin, { userId: formData.get('userId') });
    refresh();
    return { status: 'success', message: 'Done. They can sign in again now, from any network.' };
  });
}

// POST /admin/security – remove someone's authenticator (lost phone) so they set it up again.
export async function resetTwoFactorAction(previous: FormState, formData: FormData): Promise<FormState> {
  const admin = await requirePermission('users.manage');
  return runFormAction('admin.reset_two_factor_failed', previous, {}, async () => {
    await resetTwoFactor(admin, { userId: formData.get('userId') });
    refresh();
    return {
      status: 'success',
      message:
        'Two-factor sign-in was reset and they were signed out. They set it up again at their next sign-in.',
    };
  });
}
