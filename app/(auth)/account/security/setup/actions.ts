'use server';

import { requireEnrolmentSession } from '@/lib/auth/current-user';
import { confirmTotpEnrolment } from '@/lib/auth/enrol-totp';
import type { RecoveryCodesExtra, RecoveryCodesState } from '@/lib/schemas/form-state';
import { formAction } from '@/lib/http/form-action';
import { textFields } from '@/lib/schemas/safe-text';

const enrolmentForm = textFields({ code: 32 });

// POST /account/security/setup – check the first authenticator code, switch
// two-factor on, and return the recovery codes to show once.
export async function confirmEnrolmentAction(
  previous: RecoveryCodesState,
  formData: FormData,
): Promise<RecoveryCodesState> {
  const session = await requireEnrolmentSession();
  // The code is not echoed back: a used code is no help to anyone.
  return formAction<typeof enrolmentForm, RecoveryCodesExtra>(
    { event: 'auth.enrolment_failed', schema: enrolmentForm, fields: ['code'], secret: ['code'] },
    previous,
    formData,
    async ({ code }) => ({
      status: 'success',
      message: 'Two-factor sign-in is on.',
      recoveryCodes: await confirmTotpEnrolment(session, { code }),
    }),
  );
}
