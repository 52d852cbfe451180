// An administrator invites a person to the team: the account is created with
// no password anyone knows (the hash of a random secret), and a one-time link,
// valid for a week, lets the person choose their own. The link is returned
// once, for the administrator to copy and pass on; only its hash is stored.
import 'server-only';

import { hashPassword } from '@/lib/auth/password';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { AppError } from '@/lib/errors/app-error';
import type { InviteUserInput } from '@/lib/schemas/user';

import {
  INVITE_LINK_HOURS,
  newPasswordLinkToken,
  setPasswordUrl,
  unusableSecret,
} from './password-link-token';
import { lockTeam, requireActingAdmin } from './team-lock';
import { recordUserChange } from './team-member-change';

const EMAIL_TAKEN =
  'Someone with this email address is already on the team (or was: check deactivated people).';

export type IssuedPasswordLink = { userId: string; url: string; expiresAt: Date };

export async function inviteUser(
  actor: SessionUser,
  values: InviteUserInput,
  now: Date = new Date(),
): Promise<IssuedPasswordLink> {
  const taken = await db().user.findFirst({
    where: { email: { equals: values.email, mode: 'insensitive' } },
    select: { id: true },
  });
  if (taken) throw emailTaken();

  const passwordHash = await hashPassword(unusableSecret());
  const link = newPasswordLinkToken();
  const expiresAt = new Date(now.getTime() + INVITE_LINK_HOURS * 3_600_000);
  try {
    const userId = await db().$transaction(async (tx) => {
      await lockTeam(tx, actor.clinicId);
      await requireActingAdmin(tx, actor);
      const user = await tx.user.create({
        data: {
          clinicId: actor.clinicId,
          email: values.email,
          name: values.name,
          role: values.role,
          passwordHash,
          invitePending: true,
          ...(values.role === 'CLINICIAN'
            ? { clinician: { create: { givenName: values.givenName!, familyName: values.familyName! } } }
            : {}),
        },
        select: { id: true },
      });
      await tx.passwordLink.create({
        data: { userId: user.id, purpose: 'INVITE', tokenHash: link.hash, createdById: actor.id, expiresAt },
      });
      await recordUserChange(
        tx,
        actor,
        user.id,
        {
          event: 'user_invited',
          role: values.role,
          fields: ['name', 'email', 'role'],
          linkExpiresAt: expiresAt.toISOString(),
        },
        'CREATE',
      );
      return user.id;
    });
    return { userId, url: setPasswordUrl(link.token), expiresAt };
  } catch (err) {
    // Two administrators inviting the same email at once: the unique index decides.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') throw emailTaken();
    throw err;
  }
}

function emailTaken(): AppError {
  return new AppError('INVALID_INPUT', EMAIL_TAKEN, { fieldErrors: { email: [EMAIL_TAKEN] } });
}
