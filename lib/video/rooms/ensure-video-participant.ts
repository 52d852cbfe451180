// The Twilio identity a person uses in a session: created once, then reused,
// so a second tab of the same person replaces the first in the room (Twilio
// disconnects the older connection with 53205) and attendance adds up per person.
import 'server-only';

import { db } from '@/lib/db/client';

import type { VideoAccess } from '../access/authorize-video-access';
import type { VideoPrincipal } from '../access/video-principal';
import { isUniqueViolation } from './unique-violation';
import { newVideoIdentity } from '../tokens/video-identity';

export async function ensureVideoParticipant(
  sessionId: string,
  access: Pick<VideoAccess, 'role' | 'principalKey'>,
  principal: VideoPrincipal,
): Promise<string> {
  const where = { sessionId_principalKey: { sessionId, principalKey: access.principalKey } };
  const existing = await db().videoParticipant.findUnique({ where, select: { identity: true } });
  if (existing) return existing.identity;
  try {
    const created = await db().videoParticipant.create({
      data: {
        sessionId,
        principalKey: access.principalKey,
        role: access.role,
        identity: newVideoIdentity(access.role),
        userId: principal.kind === 'user' || principal.kind === 'api' ? principal.user.id : null,
        guestLinkId: principal.kind === 'guest' ? principal.guestLinkId : null,
      },
      select: { identity: true },
    });
    return created.identity;
  } catch (err) {
    // Two tabs of the same person asking at once: both get the identity that was stored.
    if (!isUniqueViolation(err)) throw err;
    return (await db().videoParticipant.findUniqueOrThrow({ where, select: { identity: true } })).identity;
  }
}
