'use server';

import { requireEnrolmentSession } from '@/lib/auth/current-user';
import { confirmTotpEnrolment } from '@/lib/auth/enrol-totp';
import { runFormAction, type RecoveryCodesExtra, type RecoveryCodesState } from '@/lib/auth/run-form-action';
import { formValues } from '@/lib/schemas/form-state';

// POST /account/security/setup – check the first authenticator code, switch
// two-factor on, and return the recovery codes to show once.
export async function confirmEnrolmentAction(
  previous: RecoveryCodesState,
  formData: FormData,
): Promise<RecoveryCodesState> {
  const session = await requireEnrolmentSession();
  const values = formValues(formData, ['code']);
  // The code is not echoed back: a used code is no help to anyone.
  return runFormAction<RecoveryCodesExtra>('auth.enrolment_failed', previous, {}, async () => ({
    status: 'success',
    message: 'Two-factor sign-in is on.',
    recoveryCodes: await confirmTotpEnrolment(session, { code: values.code }),
  }));
}
