// Deactivate someone who left (or reactivate them). Deactivating ends every
// session of theirs at once and stops any set-password link; they cannot sign
// in, and stay in the history (appointments, audit entries keep their name).
// A clinician's future appointments are not touched: their count comes back
// for the administrator to rearrange. The last active admin cannot be deactivated
// (an admin may deactivate themself while another admin remains).
import 'server-only';

import { recordAudit } from '@/lib/audit/record-audit';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';

import {
  assertNotLastAdmin,
  countFutureAppointments,
  endAllSessions,
  lockTeam,
  requireActingAdmin,
  revokeOpenPasswordLinks,
  USER_NOT_FOUND,
} from './team-lock';

export type SetActiveResult = {
  /** False when the person already was in that state (a repeated click). */
  changed: boolean;
  /** Booked or confirmed appointments from now on with this person as clinician. */
  futureAppointments: number;
};

export async function setUserActive(
  actor: SessionUser,
  { userId, active }: { userId: string; active: boolean },
  now: Date = new Date(),
): Promise<SetActiveResult> {
  return db().$transaction(async (tx) => {
    await lockTeam(tx, actor.clinicId);
    await requireActingAdmin(tx, actor);
    const target = await tx.user.findFirst({
      where: { id: userId, clinicId: actor.clinicId },
      select: { id: true, role: true, active: true, invitePending: true },
    });
    if (!target) throw new AppError('NOT_FOUND', USER_NOT_FOUND);
    const futureAppointments = await countFutureAppointments(tx, userId, now);
    if (target.active === active) return { changed: false, futureAppointments };

    if (!active) await assertNotLastAdmin(tx, actor.clinicId, target);
    await tx.user.update({
      where: { id: userId },
      data: { active, deactivatedAt: active ? null : now },
    });
    let sessionsEnded = 0;
    if (!active) {
      sessionsEnded = await endAllSessions(tx, userId, now);
      await revokeOpenPasswordLinks(tx, userId, now);
    }
    await recordAudit(
      {
        actor: { id: actor.id, role: actor.role },
        action: 'UPDATE',
        entityType: 'User',
        entityId: userId,
        detail: {
          event: active ? 'user_reactivated' : 'user_deactivated',
          fields: ['active'],
          sessionsEnded,
          futureAppointments,
        },
      },
      tx,
    );
    return { changed: true, futureAppointments };
  });
}
