import 'server-only';

import { db } from '@/lib/db/client';

import type { FailedSignIns } from './record-login-attempt';
import { sessionExpiresAt } from './session-policy';

/**
 * A new signed-in browser. `mfaPending` sessions may only enrol a second factor.
 * `failedSignIns` is what the owner is told on the page they land on.
 */
export async function createAuthSession(
  userId: string,
  now: Date,
  mfaPending: boolean,
  failedSignIns: FailedSignIns = { count: 0, latestAt: null },
): Promise<string> {
  const session = await db().authSession.create({
    data: {
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: sessionExpiresAt(now),
      mfaPending,
      failedSignInsNotice: failedSignIns.count,
      failedSignInsLatestAt: failedSignIns.latestAt,
    },
    select: { id: true },
  });
  return session.id;
}
