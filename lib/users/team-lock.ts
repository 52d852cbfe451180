// Changes to a clinic's team run one at a time: each takes a lock on the
// clinic's row first, then re-reads who is acting and who the admins are. Two
// admins demoting (or deactivating) each other at the same moment are thus
// decided in turn, and the second finds the first already applied: the clinic
// can never be left without an active admin, whatever the timing.
import 'server-only';

import type { Prisma } from '@/lib/db/generated/client';
import { clinicTeamLock } from '@/lib/db/queries/locks';
import { runStatement } from '@/lib/db/queries/run-query';
import { AppError } from '@/lib/errors/app-error';
import type { SessionUser } from '@/lib/auth/session-user';

type Tx = Prisma.TransactionClient;

export const LAST_ADMIN =
  'This is the clinic’s only active admin. Make someone else an admin first, so the clinic is never left without one.';
export const USER_NOT_FOUND = 'That person was not found. Reload the page to see the team as it is now.';
const NO_LONGER_ADMIN =
  'Your account is no longer an admin, so this was not done. Reload the page to see the team as it is now.';

/** Serialises team changes in this clinic for the rest of the transaction. */
export async function lockTeam(tx: Tx, clinicId: string): Promise<void> {
  await runStatement(tx, clinicTeamLock, [clinicId]);
}

/** The actor as the database has them now (after the lock): still an active admin, or refused. */
export async function requireActingAdmin(tx: Tx, actor: SessionUser): Promise<void> {
  const me = await tx.user.findFirst({
    where: { id: actor.id, clinicId: actor.clinicId, active: true, role: 'ADMIN' },
    select: { id: true },
  });
  if (!me) throw new AppError('FORBIDDEN', NO_LONGER_ADMIN);
}

/** Admins who can sign in now (an invited admin who has not chosen a password cannot). */
export function countActiveAdmins(tx: Tx, clinicId: string): Promise<number> {
  return tx.user.count({ where: { clinicId, role: 'ADMIN', active: true, invitePending: false } });
}

/** Refuses when removing `target` from the admins would leave none. Call after lockTeam. */
export async function assertNotLastAdmin(
  tx: Tx,
  clinicId: string,
  target: { role: string; active: boolean; invitePending: boolean },
): Promise<void> {
  if (target.role !== 'ADMIN' || !target.active || target.invitePending) return;
  if ((await countActiveAdmins(tx, clinicId)) <= 1) throw new AppError('CONFLICT', LAST_ADMIN);
}

/** Open links of a person stop working (a newer link, a deactivation, a password set). */
export async function revokeOpenPasswordLinks(tx: Tx, userId: string, now: Date): Promise<void> {
  await tx.passwordLink.updateMany({
    where: { userId, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
}

/** Every session of a person ends at once: their next request is signed out. */
export async function endAllSessions(tx: Tx, userId: string, now: Date): Promise<number> {
  const result = await tx.authSession.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: now },
  });
  return result.count;
}

/** A clinician's booked or confirmed appointments from `now` on: what an admin must rearrange. */
export async function countFutureAppointments(tx: Tx, userId: string, now: Date): Promise<number> {
  return tx.appointment.count({
    where: { clinician: { userId }, startsAt: { gte: now }, status: { in: ['BOOKED', 'CONFIRMED'] } },
  });
}
