'use server';

import { changePassword } from '@/lib/auth/change-password';
import { requireUser } from '@/lib/auth/guards';
import { regenerateRecoveryCodes } from '@/lib/auth/regenerate-recovery-codes';
import { runFormAction, type RecoveryCodesExtra, type RecoveryCodesState } from '@/lib/auth/run-form-action';
import type { FormState } from '@/lib/schemas/form-state';

// Passwords are read as they were typed and never echoed back into the form.
function field(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === 'string' ? value : undefined;
}

// POST /account – change your own password (other browsers are signed out).
export async function changePasswordAction(previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  return runFormAction('auth.change_password_failed', previous, {}, async () => {
    await changePassword(user, {
      currentPassword: field(formData, 'currentPassword'),
      newPassword: field(formData, 'newPassword'),
      confirmPassword: field(formData, 'confirmPassword'),
    });
    return {
      status: 'success',
      message: 'Your password has been changed. Any other browsers you were signed in on are now signed out.',
    };
  });
}

// POST /account – replace your recovery codes (asks for your password again).
export async function regenerateRecoveryCodesAction(
  previous: RecoveryCodesState,
  formData: FormData,
): Promise<RecoveryCodesState> {
  const user = await requireUser();
  return runFormAction<RecoveryCodesExtra>('auth.recovery_codes_failed', previous, {}, async () => ({
    status: 'success',
    message: 'New recovery codes are ready. The old ones no longer work.',
    recoveryCodes: await regenerateRecoveryCodes(user, { password: field(formData, 'password') }),
  }));
}
