// An administrator resets someone's password: their current password stops
// working, every session of theirs ends at once, and a one-time link (a day)
// lets them choose a new one. For someone invited who never chose a password,
// it is a fresh invite link (a week) instead. Older links stop working.
import 'server-only';

import { hashPassword } from '@/lib/auth/password';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';

import type { IssuedPasswordLink } from './invite-user';
import {
  INVITE_LINK_HOURS,
  newPasswordLinkToken,
  RESET_LINK_HOURS,
  setPasswordUrl,
  unusableSecret,
} from './password-link-token';
import { endAllSessions, revokeOpenPasswordLinks } from './team-lock';
import { lockTeamMember, recordUserChange } from './team-member-change';

const OWN_PASSWORD = 'To change your own password, use Account → Change password.';
const DEACTIVATED = 'This person is deactivated. Reactivate them first, then make a link.';

export async function resetPassword(
  actor: SessionUser,
  { userId }: { userId: string },
  now: Date = new Date(),
): Promise<IssuedPasswordLink & { purpose: 'INVITE' | 'RESET' }> {
  if (userId === actor.id) throw new AppError('CONFLICT', OWN_PASSWORD);
  const replacementHash = await hashPassword(unusableSecret());
  const link = newPasswordLinkToken();

  const result = await db().$transaction(async (tx) => {
    const target = await lockTeamMember(tx, actor, userId, { id: true, active: true, invitePending: true });
    if (!target.active) throw new AppError('CONFLICT', DEACTIVATED);

    const purpose = target.invitePending ? ('INVITE' as const) : ('RESET' as const);
    const hours = purpose === 'INVITE' ? INVITE_LINK_HOURS : RESET_LINK_HOURS;
    const expiresAt = new Date(now.getTime() + hours * 3_600_000);
    await revokeOpenPasswordLinks(tx, userId, now);
    // The old password stops working now: a reset is often because it may be known to someone else.
    if (purpose === 'RESET') {
      await tx.user.update({ where: { id: userId }, data: { passwordHash: replacementHash } });
    }
    const sessionsEnded = await endAllSessions(tx, userId, now);
    await tx.passwordLink.create({
      data: { userId, purpose, tokenHash: link.hash, createdById: actor.id, expiresAt },
    });
    await recordUserChange(tx, actor, userId, {
      event: purpose === 'RESET' ? 'password_reset' : 'invite_link_renewed',
      fields: purpose === 'RESET' ? ['passwordHash'] : [],
      sessionsEnded,
      linkExpiresAt: expiresAt.toISOString(),
    });
    return { purpose, expiresAt };
  });
  return { userId, url: setPasswordUrl(link.token), ...result };
}
