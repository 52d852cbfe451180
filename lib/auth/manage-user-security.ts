// An administrator's security actions on another account: lift a lock, or
// reset the second factor (lost phone) so the person sets it up again.
import 'server-only';

import { recordAudit } from '@/lib/audit/record-audit';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { parseInput } from '@/lib/schemas/parse-input';
import { userIdSchema } from '@/lib/schemas/user';

import { assertCan } from './guards';
import type { SessionUser } from './session-user';

const NOT_FOUND = 'That account was not found. It may have been removed; reload the page.';

export async function unlockUser(actor: SessionUser, input: { userId: unknown }): Promise<void> {
  assertCan(actor, 'users.manage');
  const { userId } = parseInput(userIdSchema, input);
  await db().$transaction(async (tx) => {
    const result = await tx.user.updateMany({
      where: { id: userId, clinicId: actor.clinicId },
      data: { failedLoginCount: 0, lockedUntil: null },
    });
    if (result.count === 0) throw new AppError('NOT_FOUND', NOT_FOUND);
    await recordAudit(
      {
        actor: { id: actor.id, role: actor.role },
        action: 'UPDATE',
        entityType: 'User',
        entityId: userId,
        detail: { event: 'unlocked', fields: ['failedLoginCount', 'lockedUntil'] },
      },
      tx,
    );
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
    await recordAudit(
      {
        actor: { id: actor.id, role: actor.role },
        action: 'UPDATE',
        entityType: 'User',
        entityId: userId,
        detail: { event: 'two_factor_reset', fields: ['totpSecret', 'totpEnabledAt', 'recoveryCodes'] },
      },
      tx,
    );
  });
}

/** Turns "require two-factor for everyone" on or off for the administrator's clinic. */
export async function setMfaRequiredForAll(actor: SessionUser, required: boolean): Promise<void> {
  assertCan(actor, 'settings.manage');
  await db().$transaction(async (tx) => {
    await tx.clinic.update({ where: { id: actor.clinicId }, data: { mfaRequiredForAll: required } });
    await recordAudit(
      {
        actor: { id: actor.id, role: actor.role },
        action: 'UPDATE',
        entityType: 'Clinic',
        entityId: actor.clinicId,
        detail: { event: 'mfa_policy_changed', fields: ['mfaRequiredForAll'] },
      },
      tx,
    );
  });
}

export type UserSecurityRow = {
  id: string;
  name: string;
  email: string;
  role: 'ADMIN' | 'STAFF' | 'CLINICIAN';
  active: boolean;
  totpEnabled: boolean;
  lockedUntil: Date | null;
};

export async function listUsersForSecurity(actor: SessionUser): Promise<UserSecurityRow[]> {
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
      lockedUntil: true,
    },
    orderBy: [{ name: 'asc' }],
  });
  return users.map(({ totpEnabledAt, ...u }) => ({ ...u, totpEnabled: totpEnabledAt !== null }));
}
