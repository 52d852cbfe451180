// Counting sign-in failures in the database, so every server instance sees the
// same count. One UPDATE does the increment and the lock together: PostgreSQL
// row locking serialises concurrent failures, so two at once count as two.
import 'server-only';

import { db } from '@/lib/db/client';

import { LOCK_DURATION_MS, MAX_FAILED_ATTEMPTS } from './lockout-policy';

export type FailureOutcome = {
  /** The account is locked now. */
  locked: boolean;
  /** This failure is the one that locked it (exactly one per lock, however many arrive at once). */
  lockedByThisAttempt: boolean;
};

/**
 * Adds one failure. The fifth in a row locks the account for 15 minutes and
 * starts the count again (so after the lock ends, it takes five more). While
 * the account is locked nothing changes: more attempts do not extend the lock.
 */
export async function recordFailedLogin(userId: string, now: Date): Promise<FailureOutcome> {
  const lockUntil = new Date(now.getTime() + LOCK_DURATION_MS);
  const rows = await db().$queryRaw<{ lockedUntil: Date | null }[]>`
    UPDATE "User"
    SET "failedLoginCount" = CASE WHEN "failedLoginCount" + 1 >= ${MAX_FAILED_ATTEMPTS} THEN 0
                                  ELSE "failedLoginCount" + 1 END,
        "lockedUntil" = CASE WHEN "failedLoginCount" + 1 >= ${MAX_FAILED_ATTEMPTS} THEN ${lockUntil}::timestamp(3)
                             ELSE NULL END,
        "updatedAt" = ${now}::timestamp(3)
    WHERE "id" = ${userId}
      AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now}::timestamp(3))
    RETURNING "lockedUntil"`;
  const row = rows[0];
  // No row: the account was already locked by a concurrent attempt (or is gone).
  if (!row) return { locked: true, lockedByThisAttempt: false };
  const locked = row.lockedUntil !== null;
  return { locked, lockedByThisAttempt: locked };
}

/** A complete sign-in (password and, when enrolled, second factor) clears the count. */
export async function recordSuccessfulLogin(userId: string, now: Date): Promise<void> {
  await db().user.update({
    where: { id: userId },
    data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now },
  });
}
