// What an account remembers of its sign-ins: the failed attempts since the last
// successful one (told to the owner when they next sign in), and when they last
// signed in. Failures no longer lock the account: the offending source is
// throttled instead (sign-in-throttle.ts).
import 'server-only';

import { db } from '@/lib/db/client';
import { runQuery, runStatement } from '@/lib/db/queries/run-query';
import { recordFailedLoginStatement, recordSuccessfulLoginQuery } from '@/lib/db/queries/sign-ins';

export type FailedSignIns = { count: number; latestAt: Date | null };

/** One more failed attempt on this account. */
export async function recordFailedLogin(userId: string, now: Date): Promise<void> {
  await runStatement(db(), recordFailedLoginStatement, [userId, now]);
}

/**
 * A complete sign-in (password and, when enrolled, second factor): starts the
 * count again and answers what it was, in one statement, so a failure arriving
 * at the same moment is either told now or kept for next time, never lost.
 */
export async function recordSuccessfulLogin(userId: string, now: Date): Promise<FailedSignIns> {
  const rows = await runQuery(db(), recordSuccessfulLoginQuery, [userId, now]);
  return rows[0] ?? { count: 0, latestAt: null };
}
