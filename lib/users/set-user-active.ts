// Deactivate someone who left (or reactivate them). Deactivating ends every
// session of theirs at once and stops any set-password link; they cannot sign
// in, and stay in the history (appointments, audit entries keep their name).
// A clinician's future appointments are not touched: their count comes back
// for the administrator to rearrange. The last active admin cannot be deactivated
// (an admin may deactivate themself while another admin remains).
import 'server-only';

import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';

import {
  assertNotLastAdmin,
  countFutureAppointments,
  endAllSessions,
  revokeOpenPasswordLinks,
} from './team-lock';
import { adminCheckSelect, lockTeamMember, recordUserChange } from './team-member-change';

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
    const target = await lockTeamMember(tx, actor, userId, adminCheckSelect);
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
    await recordUserChange(tx, actor, userId, {
      event: active ? 'user_reactivated' : 'user_deactivated',
      fields: ['active'],
      sessionsEnded,
      futureAppointments,
    });
    return { changed: true, futureAppointments };
  });
}
