'use server';

import { changePassword } from '@/lib/auth/change-password';
import { requireUser } from '@/lib/auth/guards';
import { regenerateRecoveryCodes } from '@/lib/auth/regenerate-recovery-codes';
import type { RecoveryCodesExtra, RecoveryCodesState } from '@/lib/schemas/form-state';
import { formAction } from '@/lib/http/form-action';
import type { FormState } from '@/lib/schemas/form-state';
import { textFields } from '@/lib/schemas/safe-text';

// Passwords are read as they were typed and never echoed back into the form.
const passwordFields = ['currentPassword', 'newPassword', 'confirmPassword'] as const;
const changePasswordForm = textFields({ currentPassword: 1024, newPassword: 1024, confirmPassword: 1024 });
const confirmPasswordForm = textFields({ password: 1024 });

// POST /account – change your own password (other browsers are signed out).
export async function changePasswordAction(previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  return formAction(
    {
      event: 'auth.change_password_failed',
      schema: changePasswordForm,
      fields: passwordFields,
      secret: passwordFields,
    },
    previous,
    formData,
    async (input) => {
      await changePassword(user, input);
      return {
        status: 'success',
        message:
          'Your password has been changed. Any other browsers you were signed in on are now signed out.',
      };
    },
  );
}

// POST /account – replace your recovery codes (asks for your password again).
export async function regenerateRecoveryCodesAction(
  previous: RecoveryCodesState,
  formData: FormData,
): Promise<RecoveryCodesState> {
  const user = await requireUser();
  return formAction<typeof confirmPasswordForm, RecoveryCodesExtra>(
    {
      event: 'auth.recovery_codes_failed',
      schema: confirmPasswordForm,
      fields: ['password'],
      secret: ['password'],
    },
    previous,
    formData,
    async ({ password }) => ({
      status: 'success',
      message: 'New recovery codes are ready. The old ones no longer work.',
      recoveryCodes: await regenerateRecoveryCodes(user, { password }),
    }),
  );
}
