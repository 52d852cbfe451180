// Setting up an authenticator app: a secret is kept on the user while they
// scan it, trusted only once they type a code it produced. Finishing also
// issues recovery codes and lifts a session's "second factor owed" restriction.
import 'server-only';

import { recordChange } from '@/lib/audit/record-change';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { parseInput } from '@/lib/schemas/parse-input';
import { totpCodeSchema } from '@/lib/schemas/user';

import { issueRecoveryCodes } from './issue-recovery-codes';
import { generateTotpSecret, totpUri, verifyTotp } from './totp';

export type EnrolmentStart =
  | { status: 'enrolled' }
  | { status: 'pending'; secret: string; uri: string; account: string; issuer: string };

/** The secret being set up (made on first visit, kept across reloads so a scanned code stays valid). */
export async function startTotpEnrolment(userId: string): Promise<EnrolmentStart> {
  await db().user.updateMany({
    where: { id: userId, totpSecret: null, totpEnabledAt: null },
    data: { totpSecret: generateTotpSecret() },
  });
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, totpSecret: true, totpEnabledAt: true, clinic: { select: { name: true } } },
  });
  if (user.totpEnabledAt || !user.totpSecret) return { status: 'enrolled' };
  const issuer = user.clinic.name;
  return {
    status: 'pending',
    secret: user.totpSecret,
    account: user.email,
    issuer,
    uri: totpUri({ secret: user.totpSecret, issuer, account: user.email }),
  };
}

const WRONG_CODE =
  'That code did not match. Check the time on your phone is set automatically, then enter the newest code.';

/** Checks the first code and switches the authenticator on. Returns the recovery codes to show once. */
export async function confirmTotpEnrolment(
  session: { userId: string; sessionId: string },
  input: { code: unknown },
  now = new Date(),
): Promise<string[]> {
  const { code } = parseInput(totpCodeSchema, input);
  const user = await db().user.findUniqueOrThrow({
    where: { id: session.userId },
    select: { role: true, totpSecret: true, totpEnabledAt: true },
  });
  if (user.totpEnabledAt) {
    throw new AppError('CONFLICT', 'Two-factor sign-in is already set up for your account.');
  }
  if (!user.totpSecret) {
    throw new AppError('CONFLICT', 'The set-up expired. Reload the page to start again.');
  }
  const step = verifyTotp(user.totpSecret, code, { atMs: now.getTime() });
  if (step === null) throw new AppError('INVALID_INPUT', WRONG_CODE, { fieldErrors: { code: [WRONG_CODE] } });

  return db().$transaction(async (tx) => {
    // Conditional on the same secret still pending, so two tabs cannot both finish.
    const enabled = await tx.user.updateMany({
      where: { id: session.userId, totpSecret: user.totpSecret, totpEnabledAt: null },
      data: { totpEnabledAt: now, totpLastStep: step },
    });
    if (enabled.count === 0)
      throw new AppError('CONFLICT', 'Two-factor sign-in is already set up for your account.');
    const codes = await issueRecoveryCodes(session.userId, now, tx);
    await tx.authSession.updateMany({
      where: { id: session.sessionId, userId: session.userId },
      data: { mfaPending: false },
    });
    await recordChange(tx, { id: session.userId, role: user.role }, 'UPDATE', {
      type: 'User',
      id: session.userId,
      detail: { event: 'two_factor_enabled', fields: ['totpEnabledAt', 'recoveryCodes'] },
    });
    return codes;
  });
}
