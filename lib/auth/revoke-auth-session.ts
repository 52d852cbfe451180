import 'server-only';

import { db } from '@/lib/db/client';

/** Ends one session (sign-out). Already-ended sessions keep their first revokedAt. */
export async function revokeAuthSession(sessionId: string, now: Date): Promise<boolean> {
  const result = await db().authSession.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: now },
  });
  return result.count === 1;
}

/** Ends every session of a user except, optionally, the one making the change. */
export async function revokeUserSessions(
  userId: string,
  now: Date,
  exceptSessionId?: string,
): Promise<number> {
  const result = await db().authSession.updateMany({
    where: { userId, revokedAt: null, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
    data: { revokedAt: now },
  });
  return result.count;
}
