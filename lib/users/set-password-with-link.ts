// A person chooses their password from a one-time link. The link is claimed
// with one conditional update (unused, not revoked, not expired, account
// active), so two submissions of the same link cannot both succeed. Setting the
// password ends every session of theirs and any other open link.
import 'server-only';

import { isMfaRequired } from '@/lib/auth/mfa-requirement';
import { hashPassword } from '@/lib/auth/password';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';

import { passwordLinkMessages } from './password-link-messages';
import { hashPasswordLinkToken, looksLikePasswordLinkToken } from './password-link-token';
import { judgePasswordLink } from './read-password-link';
import { endAllSessions, revokeOpenPasswordLinks } from './team-lock';
import { recordUserChange } from './team-member-change';

export type PasswordSet = {
  userId: string;
  /** Their role needs two-factor sign-in and they have not set it up: they will be asked at sign-in. */
  mustSetUpTwoFactor: boolean;
};

export async function setPasswordWithLink(
  token: string,
  newPassword: string,
  now: Date = new Date(),
): Promise<PasswordSet> {
  if (!looksLikePasswordLinkToken(token)) throw dead('unknown');
  const tokenHash = hashPasswordLinkToken(token);
  // A cheap look first, so a made-up link never costs an Argon2 hash (19 MiB, tens of ms).
  const before = judgePasswordLink(
    await db().passwordLink.findUnique({
      where: { tokenHash },
      select: { purpose: true, expiresAt: true, usedAt: true, revokedAt: true, user: linkUser },
    }),
    now,
  );
  if (before.status !== 'valid') throw dead(before.status);
  // Hashed before the transaction: Argon2 takes a while and must not hold row locks.
  const passwordHash = await hashPassword(newPassword);

  return db().$transaction(async (tx) => {
    const claimed = await tx.passwordLink.updateMany({
      where: { tokenHash, usedAt: null, revokedAt: null, expiresAt: { gt: now }, user: { active: true } },
      data: { usedAt: now },
    });
    const link = await tx.passwordLink.findUnique({
      where: { tokenHash },
      select: {
        id: true,
        purpose: true,
        expiresAt: true,
        usedAt: true,
        revokedAt: true,
        user: {
          select: {
            id: true,
            name: true,
            email: true,
            clinicId: true,
            role: true,
            active: true,
            totpEnabledAt: true,
            clinic: { select: { mfaRequiredForAll: true } },
          },
        },
      },
    });
    if (claimed.count !== 1 || !link) {
      const verdict = judgePasswordLink(link, now);
      throw dead(verdict.status === 'valid' ? 'used' : verdict.status);
    }
    const { user } = link;
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, invitePending: false } });
    const sessionsEnded = await endAllSessions(tx, user.id, now);
    await revokeOpenPasswordLinks(tx, user.id, now);
    await recordUserChange(tx, user, user.id, {
      event: 'password_set_from_link',
      purpose: link.purpose,
      fields: ['passwordHash'],
      sessionsEnded,
    });
    return {
      userId: user.id,
      mustSetUpTwoFactor:
        user.totpEnabledAt === null && isMfaRequired(user.role, user.clinic.mfaRequiredForAll),
    };
  });
}

const linkUser = { select: { name: true, email: true, active: true, clinicId: true } } as const;

function dead(status: keyof typeof passwordLinkMessages): AppError {
  const { title, text } = passwordLinkMessages[status];
  return new AppError('GONE', `${title}. ${text}`, { details: { link: status } });
}
