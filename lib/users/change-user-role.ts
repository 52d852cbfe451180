// An administrator changes someone's role (Admin, Reception, Clinician). A
// clinician needs a Clinician row (the name patients see, their appointments):
// it is created when someone first becomes a clinician and kept when they stop
// being one, so their past appointments stay theirs. The person's sessions end,
// so they sign in again under the new role (and set up two-factor where it now
// applies). The last active admin cannot be demoted (by another admin, or by
// themself: an admin may step down while another admin remains).
import 'server-only';

import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import type { ChangeRoleInput } from '@/lib/schemas/user';

import { assertNotLastAdmin, countFutureAppointments, endAllSessions } from './team-lock';
import { adminCheckSelect, lockTeamMember, recordUserChange } from './team-member-change';

const GIVEN = 'Enter the clinician’s given name.';
const FAMILY = 'Enter the clinician’s family name.';

export type ChangeRoleResult = {
  changed: boolean;
  /** For someone who stops being a clinician: their booked or confirmed appointments from now on. */
  futureAppointments: number;
};

export async function changeUserRole(
  actor: SessionUser,
  { userId, ...values }: ChangeRoleInput & { userId: string },
  now: Date = new Date(),
): Promise<ChangeRoleResult> {
  return db().$transaction(async (tx) => {
    const target = await lockTeamMember(tx, actor, userId, {
      ...adminCheckSelect,
      clinician: { select: { id: true } },
    });
    if (target.role === values.role) return { changed: false, futureAppointments: 0 };

    if (values.role !== 'ADMIN') await assertNotLastAdmin(tx, actor.clinicId, target);
    if (values.role === 'CLINICIAN' && !target.clinician) {
      const fieldErrors: Record<string, string[]> = {};
      if (!values.givenName) fieldErrors.givenName = [GIVEN];
      if (!values.familyName) fieldErrors.familyName = [FAMILY];
      if (Object.keys(fieldErrors).length > 0) {
        throw new AppError('INVALID_INPUT', 'Enter the name patients will see for this clinician.', {
          fieldErrors,
        });
      }
      await tx.clinician.create({
        data: { userId, givenName: values.givenName!, familyName: values.familyName! },
      });
    }
    await tx.user.update({ where: { id: userId }, data: { role: values.role } });
    const sessionsEnded = await endAllSessions(tx, userId, now);
    const futureAppointments =
      target.role === 'CLINICIAN' ? await countFutureAppointments(tx, userId, now) : 0;
    await recordUserChange(tx, actor, userId, {
      event: 'role_changed',
      fields: ['role'],
      from: target.role,
      to: values.role,
      clinicianCreated: values.role === 'CLINICIAN' && !target.clinician,
      sessionsEnded,
    });
    return { changed: true, futureAppointments };
  });
}
