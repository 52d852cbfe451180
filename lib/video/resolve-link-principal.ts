// From the token a patient's or guest's browser sends to who they are. A token
// that is not ours, or whose signature does not match, is "not found": the
// answer never says which part was wrong.
import 'server-only';

import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';

import { linkSignatureValid, parseLinkToken, REJOIN_KEY_PREFIX, sha256 } from './link-token';
import type { VideoPrincipal } from './video-principal';

export type LinkPrincipal = Extract<VideoPrincipal, { kind: 'patient' | 'guest' }> & { sessionId: string };

export const LINK_NOT_RECOGNISED =
  "We couldn't recognise this link. Make sure you opened the whole link from the clinic's message, or ask the clinic to send it again.";

export async function resolveLinkPrincipal(token: string): Promise<LinkPrincipal> {
  if (token.startsWith(REJOIN_KEY_PREFIX)) return resolveRejoinKey(token);
  const parsed = parseLinkToken(token);
  if (!parsed) throw new AppError('NOT_FOUND', LINK_NOT_RECOGNISED);

  if (parsed.kind === 'join') {
    // One round trip: the token route is hot.
    const [link] = await db().$queryRaw<
      Array<{
        id: string;
        sessionId: string;
        revokedAt: Date | null;
        lastUsedAt: Date | null;
        appointmentId: string;
      }>
    >`SELECT l."id", l."sessionId", l."revokedAt", l."lastUsedAt", s."appointmentId"
        FROM "JoinLink" l JOIN "VideoSession" s ON s."id" = l."sessionId"
       WHERE l."id" = ${parsed.linkId}`;
    if (!link || !linkSignatureValid('join', link.id, link.sessionId, parsed.signature)) {
      throw new AppError('NOT_FOUND', LINK_NOT_RECOGNISED);
    }
    return {
      kind: 'patient',
      joinLinkId: link.id,
      appointmentId: link.appointmentId,
      revokedAt: link.revokedAt,
      lastUsedAt: link.lastUsedAt,
      sessionId: link.sessionId,
    };
  }

  const link = await db().guestLink.findUnique({
    where: { id: parsed.linkId },
    select: {
      id: true,
      sessionId: true,
      revokedAt: true,
      redeemedAt: true,
      session: { select: { appointmentId: true } },
    },
  });
  if (!link || !linkSignatureValid('guest', link.id, link.sessionId, parsed.signature)) {
    throw new AppError('NOT_FOUND', LINK_NOT_RECOGNISED);
  }
  if (link.redeemedAt) {
    throw new AppError(
      'GONE',
      'This guest link has already been used, and each guest link works once. Ask the clinician for a new one.',
      { details: { reason: 'GUEST_LINK_USED' } },
    );
  }
  return {
    kind: 'guest',
    guestLinkId: link.id,
    appointmentId: link.session.appointmentId,
    revokedAt: link.revokedAt,
    firstUse: true,
    sessionId: link.sessionId,
  };
}

async function resolveRejoinKey(key: string): Promise<LinkPrincipal> {
  if (key.length > 200) throw new AppError('NOT_FOUND', LINK_NOT_RECOGNISED);
  const link = await db().guestLink.findUnique({
    where: { rejoinKeyHash: sha256(key) },
    select: { id: true, sessionId: true, revokedAt: true, session: { select: { appointmentId: true } } },
  });
  if (!link) throw new AppError('NOT_FOUND', LINK_NOT_RECOGNISED);
  return {
    kind: 'guest',
    guestLinkId: link.id,
    appointmentId: link.session.appointmentId,
    revokedAt: link.revokedAt,
    firstUse: false,
    sessionId: link.sessionId,
  };
}
