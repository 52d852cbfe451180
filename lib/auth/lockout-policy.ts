// How many wrong attempts lock an account, and for how long. The counting
// itself is one atomic UPDATE (record-login-attempt.ts), so it holds across
// server instances.

/** Consecutive failures (wrong password or wrong second-factor code) that lock an account. */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_DURATION_MS = 15 * 60 * 1000;

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}
