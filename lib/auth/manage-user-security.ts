// An administrator's security actions on another account: end the sign-in waits on it, or
// reset the second factor (lost phone) so the person sets it up again.
import 'server-only';

import { recordChange } from '@/lib/audit/record-change';
import { db } from '@/lib/db/client';
import { clearAccountWaitsStatement } from '@/lib/db/queries/rate-limit';
import { runStatement } from '@/lib/db/queries/run-query';
import { AppError } from '@/lib/errors/app-error';
import { parseInput } from '@/lib/schemas/parse-input';
import { userIdSchema } from '@/lib/schemas/user';

import { assertCan } from './guards';
import { ACCOUNT_THROTTLE_POLICIES } from './sign-in-throttle';
import type { SessionUser } from './session-user';

const NOT_FOUND = 'That account was not found. It may have been removed; reload the page.';

/**
 * Ends every sign-in wait on an account (its own throttle, and the ones on each
 * network that tried it), for a person stuck behind an attack on their email.
 * Waits on a whole network (a password spray from it) are left in place.
 */
export async function clearSignInWaits(
  actor: SessionUser,
  input: { userId: unknown },
  now = new Date(),
): Promise<void> {
  assertCan(actor, 'users.manage');
  const { userId } = parseInput(userIdSchema, input);
  await db().$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: { id: userId, clinicId: actor.clinicId },
      select: { id: true },
    });
    if (!user) throw new AppError('NOT_FOUND', NOT_FOUND);
    await runStatement(tx, clearAccountWaitsStatement, [userId, ACCOUNT_THROTTLE_POLICIES]);
    await recordChange(tx, actor, 'UPDATE', {
      type: 'User',
      id: userId,
      detail: { event: 'sign_in_waits_cleared', at: now.toISOString() },
    });
  });
}

/** Removes the authenticator and recovery codes and signs the person out everywhere. */
export async function resetTwoFactor(
  actor: SessionUser,
  input: { userId: unknown },
  now = new Date(),
): Promise<void> {
  assertCan(actor, 'users.manage');
  const { userId } = parseInput(userIdSchema, input);
  await db().$transaction(async (tx) => {
    const result = await tx.user.updateMany({
      where: { id: userId, clinicId: actor.clinicId },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    if (result.count === 0) throw new AppError('NOT_FOUND', NOT_FOUND);
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    await recordChange(tx, actor, 'UPDATE', {
      type: 'User',
      id: userId,
      detail: { event: 'two_factor_reset', fields: ['totpSecret', 'totpEnabledAt', 'recoveryCodes'] },
    });
  });
}

/** Turns "require two-factor for everyone" on or off for the administrator's clinic. */
export async function setMfaRequiredForAll(actor: SessionUser, required: boolean): Promise<void> {
  assertCan(actor, 'settings.manage');
  await db().$transaction(async (tx) => {
    await tx.clinic.update({ where: { id: actor.clinicId }, data: { mfaRequiredForAll: required } });
    await recordChange(tx, actor, 'UPDATE', {
      type: 'Clinic',
      id: actor.clinicId,
      detail: { event: 'mfa_policy_changed', fields: ['mfaRequiredForAll'] },
    });
  });
}

export type UserSecurityRow = {
  id: string;
  name: string;
  email: string;
  role: 'ADMIN' | 'STAFF' | 'CLINICIAN';
  active: boolean;
  totpEnabled: boolean;
  /** Failed attempts since their last sign-in. */
  failedSinceLastSignIn: number;
  /** The longest sign-in wait running on the account now (any network), or null. */
  signInWaitUntil: Date | null;
};

export async function listUsersForSecurity(actor: SessionUser, now = new Date()): Promise<UserSecurityRow[]> {
  assertCan(actor, 'users.manage');
  const users = await db().user.findMany({
    where: { clinicId: actor.clinicId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      totpEnabledAt: true,
      failedLoginCount: true,
    },
    orderBy: [{ name: 'asc' }],
  });
  const waits = await db().rateLimitBucket.groupBy({
    by: ['accountId'],
    where: { accountId: { in: users.map((u) => u.id) }, blockedUntil: { gt: now } },
    _max: { blockedUntil: true },
  });
  const waitOf = new Map(waits.map((w) => [w.accountId, w._max.blockedUntil]));
  return users.map(({ totpEnabledAt, failedLoginCount, ...u }) => ({
    ...u,
    totpEnabled: totpEnabledAt !== null,
    failedSinceLastSignIn: failedLoginCount,
    signInWaitUntil: waitOf.get(u.id) ?? null,
  }));
}
