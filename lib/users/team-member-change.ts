// The common frame of an administrator's change to one team member: the team
// locked, the actor checked again inside the transaction, the member found in
// the actor's clinic, and the change written to the audit log.
import 'server-only';

import { recordChange } from '@/lib/audit/record-change';
import type { SessionUser } from '@/lib/auth/session-user';
import type { Prisma } from '@/lib/db/generated/client';
import { AppError } from '@/lib/errors/app-error';

import { lockTeam, requireActingAdmin, USER_NOT_FOUND } from './team-lock';

type Tx = Prisma.TransactionClient;

/** The columns assertNotLastAdmin reads. */
export const adminCheckSelect = { id: true, role: true, active: true, invitePending: true } as const;

/** Locks the team, re-checks the acting admin and reads the member (404 outside their clinic). */
export async function lockTeamMember<S extends Prisma.UserSelect>(
  tx: Tx,
  actor: SessionUser,
  userId: string,
  select: S,
): Promise<Prisma.UserGetPayload<{ select: S }>> {
  await lockTeam(tx, actor.clinicId);
  await requireActingAdmin(tx, actor);
  const target = await tx.user.findFirst({ where: { id: userId, clinicId: actor.clinicId }, select });
  if (!target) throw new AppError('NOT_FOUND', USER_NOT_FOUND);
  return target as Prisma.UserGetPayload<{ select: S }>;
}

/** The audit entry for a change to a team member's account, by `actor` (an admin, or the person). */
export function recordUserChange(
  tx: Tx,
  actor: SessionUser | { id: string; role: SessionUser['role'] },
  userId: string,
  detail: Prisma.InputJsonObject,
  action: 'CREATE' | 'UPDATE' = 'UPDATE',
): Promise<void> {
  return recordChange(tx, actor, action, { type: 'User', id: userId, detail });
}
