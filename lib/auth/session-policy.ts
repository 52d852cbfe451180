// When a signed-in session stops being valid. Pure: the clock is passed in, so
// the limits can be tested at their exact boundaries.

/** Signed out after this long without a request. */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
/** Signed out this long after signing in, however active. */
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
/**
 * lastSeenAt is written at most this often, to spare a database write on every
 * request. A session may therefore end up to this much before 30 minutes of
 * true inactivity, never after.
 */
export const TOUCH_INTERVAL_MS = 60 * 1000;

export type SessionTimes = {
  lastSeenAt: Date;
  /** createdAt + ABSOLUTE_LIFETIME_MS, stored on the row. */
  expiresAt: Date;
  revokedAt: Date | null;
};

/**
 * - active: usable.
 * - idle: ended after IDLE_TIMEOUT_MS without activity.
 * - expired: reached its absolute limit.
 * - revoked: ended on purpose (sign-out, password change, admin action).
 */
export type SessionVerdict = 'active' | 'idle' | 'expired' | 'revoked';

export function sessionExpiresAt(createdAt: Date): Date {
  return new Date(createdAt.getTime() + ABSOLUTE_LIFETIME_MS);
}

/**
 * Judges a session at `now`. A revoked session is judged at the moment it was
 * revoked: one revoked because it had gone idle still reads as idle, so the
 * sign-in page can say why the person was signed out.
 */
export function judgeSession(session: SessionTimes, now: Date): SessionVerdict {
  const at = session.revokedAt && session.revokedAt < now ? session.revokedAt : now;
  if (at.getTime() >= session.expiresAt.getTime()) return 'expired';
  if (at.getTime() - session.lastSeenAt.getTime() >= IDLE_TIMEOUT_MS) return 'idle';
  return session.revokedAt ? 'revoked' : 'active';
}

/** Whether this request should move lastSeenAt forward. */
export function shouldTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;
}
