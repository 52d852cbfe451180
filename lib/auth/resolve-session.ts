// From an AuthSession id (carried in the cookie) to who is signed in, applying
// the idle and absolute limits. Separate from current-user.ts (which reads the
// cookie) so it can be tested against the database with a fixed clock.
import 'server-only';

import { db } from '@/lib/db/client';

import { judgeSession, shouldTouch } from './session-policy';
import { sessionUserSelect, toSessionUser } from './session-user-row';
import type { SessionUser } from './session-user';

export type SignedOutReason = 'none' | 'idle' | 'expired' | 'revoked' | 'unavailable';

export type SessionState =
  | { status: 'active'; user: SessionUser }
  /** Password accepted, second factor required but not set up: only enrolment is allowed. */
  | { status: 'mfa-pending'; userId: string; sessionId: string }
  | { status: 'signed-out'; reason: SignedOutReason };

const signedOut = (reason: SignedOutReason): SessionState => ({ status: 'signed-out', reason });

export async function resolveSession(sessionId: string, now: Date): Promise<SessionState> {
  const session = await db().authSession.findUnique({
    where: { id: sessionId },
    include: { user: { select: sessionUserSelect } },
  });
  if (!session) return signedOut('none');

  const verdict = judgeSession(session, now);
  if (verdict !== 'active') {
    // Record the end so that every instance, and the audit trail, agree it is over.
    if (!session.revokedAt) {
      await db().authSession.updateMany({
        where: { id: session.id, revokedAt: null },
        data: { revokedAt: now },
      });
    }
    // A session ended by deactivating the account says so (the sign-in page tells the person why).
    return signedOut(verdict === 'revoked' && !session.user.active ? 'unavailable' : verdict);
  }

  const { user } = session;
  // Deactivated: signed out everywhere. (Failed sign-ins elsewhere never end a session.)
  if (!user.active) return signedOut('unavailable');

  if (shouldTouch(session.lastSeenAt, now)) {
    await db().authSession.updateMany({
      where: { id: session.id, revokedAt: null, lastSeenAt: { lt: now } },
      data: { lastSeenAt: now },
    });
  }

  if (session.mfaPending) return { status: 'mfa-pending', userId: user.id, sessionId: session.id };

  return { status: 'active', user: toSessionUser(user, session.id) };
}

/**
 * Whether a session is still fully signed in at `now`, without counting as
 * activity (lastSeenAt is left alone): for checks made on the person's behalf,
 * such as an open event stream re-checking itself, which must not keep an
 * unattended session from idling out.
 */
export async function isSessionActive(sessionId: string, now: Date): Promise<boolean> {
  const session = await db().authSession.findUnique({
    where: { id: sessionId },
    select: {
      lastSeenAt: true,
      expiresAt: true,
      revokedAt: true,
      mfaPending: true,
      user: { select: { active: true } },
    },
  });
  if (!session || session.mfaPending || !session.user.active) return false;
  return judgeSession(session, now) === 'active';
}
