// An administrator corrects a team member's name or email. A new name takes
// effect at the person's next page (sessions are read from the database on each
// request), so nobody is signed out for it. A new email is a new sign-in
// identity: every session of that person ends, so they sign in again with it,
// and the admin confirms that first. Email addresses are unique across the
// portal (the unique index decides between two admins acting at once); the
// audit entry names the fields that changed, never their values.
import 'server-only';

import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { AppError } from '@/lib/errors/app-error';
import { CONFIRM_FIELD } from '@/lib/schemas/confirmation';
import type { UpdateUserDetailsInput } from '@/lib/schemas/user';

import { endAllSessions } from './team-lock';
import { lockTeamMember, recordUserChange } from './team-member-change';

export const EMAIL_TAKEN =
  'Someone with this email address is already on the team (or was: check deactivated people).';
export const CONFIRM_EMAIL_CHANGE =
  'Changing the email signs them out everywhere. Confirm the change, then try again.';

export type UpdateUserDetailsResult = {
  nameChanged: boolean;
  emailChanged: boolean;
  /** Sessions ended because the email (their sign-in identity) changed. */
  sessionsEnded: number;
};

export async function updateUserDetails(
  actor: SessionUser,
  {
    userId,
    name,
    email,
    emailChangeConfirmed,
  }: UpdateUserDetailsInput & { userId: string; emailChangeConfirmed: boolean },
  now: Date = new Date(),
): Promise<UpdateUserDetailsResult> {
  try {
    return await db().$transaction(async (tx) => {
      const target = await lockTeamMember(tx, actor, userId, { id: true, name: true, email: true });

      const nameChanged = target.name !== name;
      // Sign-in ignores case, so an address that differs only in case (stored before
      // addresses were lower-cased) is the same identity: tidied, nobody signed out.
      const emailChanged = target.email.toLowerCase() !== email;
      const emailTidied = !emailChanged && target.email !== email;
      if (!nameChanged && !emailChanged && !emailTidied) {
        return { nameChanged: false, emailChanged: false, sessionsEnded: 0 };
      }
      if (emailChanged) {
        if (!emailChangeConfirmed) {
          throw new AppError('INVALID_INPUT', CONFIRM_EMAIL_CHANGE, {
            fieldErrors: { [CONFIRM_FIELD]: [CONFIRM_EMAIL_CHANGE] },
          });
        }
        const taken = await tx.user.findFirst({
          where: { email: { equals: email, mode: 'insensitive' }, id: { not: userId } },
          select: { id: true },
        });
        if (taken) throw emailTaken();
      }

      await tx.user.update({ where: { id: userId }, data: { name, email } });
      const sessionsEnded = emailChanged ? await endAllSessions(tx, userId, now) : 0;
      const fields = [...(nameChanged ? ['name'] : []), ...(emailChanged || emailTidied ? ['email'] : [])];
      await recordUserChange(tx, actor, userId, { event: 'details_changed', fields, sessionsEnded });
      return { nameChanged, emailChanged, sessionsEnded };
    });
  } catch (err) {
    // Two admins (of any clinics) giving out the same address at once: the unique index decides.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') throw emailTaken();
    throw err;
  }
}

function emailTaken(): AppError {
  return new AppError('INVALID_INPUT', EMAIL_TAKEN, { fieldErrors: { email: [EMAIL_TAKEN] } });
}
