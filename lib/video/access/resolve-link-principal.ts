// From the token a patient's or guest's browser sends to who they are. A token
// that is not ours, or whose signature does not match, is "not found": the
// answer never says which part was wrong. A link of ours that no longer works
// (withdrawn, replaced, expired, its appointment cancelled or closed) is
// refused here, before anything reads the session, with what happened and the
// clinic's phone number only (dead-link.ts).
import 'server-only';

import { db } from '@/lib/db/client';
import { runQuery } from '@/lib/db/queries/run-query';
import { joinLinkState } from '@/lib/db/queries/video-access';
import { AppError } from '@/lib/errors/app-error';

import { deadLinkCode, deadLinkError, type LinkLife } from '../links/dead-link';
import { linkSignatureValid, parseLinkToken, REJOIN_KEY_PREFIX, sha256 } from '../links/link-token';
import type { VideoPrincipal } from './video-principal';

export type LinkPrincipal = Extract<VideoPrincipal, { kind: 'patient' | 'guest' }> & { sessionId: string };

export const LINK_NOT_RECOGNISED =
  "We couldn't recognise this link. Make sure you opened the whole link from the clinic's message, or ask the clinic to send it again.";

/** What decides whether a link still works, and the number to call when it does not. */
const appointmentLife = {
  status: true,
  endsAt: true,
  patient: { select: { clinic: { select: { contactPhone: true } } } },
} as const;

function assertAlive(life: LinkLife, clinicPhone: string | null, now: Date): void {
  const code = deadLinkCode(life, now);
  if (code) throw deadLinkError(code, clinicPhone);
}

export async function resolveLinkPrincipal(token: string, now: Date = new Date()): Promise<LinkPrincipal> {
  if (token.startsWith(REJOIN_KEY_PREFIX)) return resolveRejoinKey(token, now);
  const parsed = parseLinkToken(token);
  if (!parsed) throw new AppError('NOT_FOUND', LINK_NOT_RECOGNISED);

  if (parsed.kind === 'join') {
    // One round trip: the join routes are called often while a patient waits.
    const [link] = await runQuery(db(), joinLinkState, [parsed.linkId]);
    if (!link || !linkSignatureValid('join', link.id, link.sessionId, parsed.signature)) {
      throw new AppError('NOT_FOUND', LINK_NOT_RECOGNISED);
    }
    assertAlive(
      {
        revokedAt: link.revokedAt,
        replaced: link.replaced,
        appointmentStatus: link.appointmentStatus,
        endsAt: link.endsAt,
      },
      link.clinicPhone,
      now,
    );
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
      session: { select: { appointmentId: true, appointment: { select: appointmentLife } } },
    },
  });
  if (!link || !linkSignatureValid('guest', link.id, link.sessionId, parsed.signature)) {
    throw new AppError('NOT_FOUND', LINK_NOT_RECOGNISED);
  }
  assertGuestAlive(link, now);
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

type GuestLinkLife = {
  revokedAt: Date | null;
  session: {
    appointment: { status: string; endsAt: Date; patient: { clinic: { contactPhone: string | null } } };
  };
};

function assertGuestAlive(link: GuestLinkLife, now: Date): void {
  const { appointment } = link.session;
  // Guests' links are withdrawn one by one, never replaced.
  assertAlive(
    {
      revokedAt: link.revokedAt,
      replaced: false,
      appointmentStatus: appointment.status,
      endsAt: appointment.endsAt,
    },
    appointment.patient.clinic.contactPhone,
    now,
  );
}

async function resolveRejoinKey(key: string, now: Date): Promise<LinkPrincipal> {
  if (key.length > 200) throw new AppError('NOT_FOUND', LINK_NOT_RECOGNISED);
  const link = await db().guestLink.findUnique({
    where: { rejoinKeyHash: sha256(key) },
    select: {
      id: true,
      sessionId: true,
      revokedAt: true,
      session: { select: { appointmentId: true, appointment: { select: appointmentLife } } },
    },
  });
  if (!link) throw new AppError('NOT_FOUND', LINK_NOT_RECOGNISED);
  assertGuestAlive(link, now);
  return {
    kind: 'guest',
    guestLinkId: link.id,
    appointmentId: link.session.appointmentId,
    revokedAt: link.revokedAt,
    firstUse: false,
    sessionId: link.sessionId,
  };
}
