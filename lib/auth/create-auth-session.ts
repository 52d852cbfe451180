import 'server-only';

import { db } from '@/lib/db/client';

import { sessionExpiresAt } from './session-policy';

/** A new signed-in browser. `mfaPending` sessions may only enrol a second factor. */
export async function createAuthSession(userId: string, now: Date, mfaPending: boolean): Promise<string> {
  const session = await db().authSession.create({
    data: { userId, createdAt: now, lastSeenAt: now, expiresAt: sessionExpiresAt(now), mfaPending },
    select: { id: true },
  });
  return session.id;
}
