// POST /api/appointments/{id}/video-token, minus HTTP: check who is asking
// against the rules, make sure the room exists (the server always creates it),
// and sign a token whose only grant is that one room.
import 'server-only';

import { recordAudit } from '@/lib/audit/record-audit';
import { db } from '@/lib/db/client';

import { AppError } from '@/lib/errors/app-error';

import { loadAppointmentVideoFacts, type AppointmentVideoFacts } from '../rooms/appointment-video-facts';
import { authorizeVideoAccess, VIDEO_APPOINTMENT_NOT_FOUND } from '../access/authorize-video-access';
import { ensureRoom } from '../rooms/create-room';
import { deadLinkCode } from '../links/dead-link';
import { ensureVideoParticipant } from '../rooms/ensure-video-participant';
import { ensureVideoSession } from '../rooms/ensure-video-session';
import type { VideoRole } from '../links/join-window';
import { mintVideoToken } from './mint-video-token';
import { notifyVideoChange } from '../events/notify-video-change';
import { linkSignatureValid, parseLinkToken } from '../links/link-token';
import { redeemGuestLink } from '../links/redeem-guest-link';
import { LINK_NOT_RECOGNISED, resolveLinkPrincipal } from '../access/resolve-link-principal';
import type { VideoPrincipal } from '../access/video-principal';

export type IssuedVideoToken = {
  token: string;
  identity: string;
  role: Lowercase<VideoRole>;
  roomSid: string;
  expiresAt: string;
  /** Guests only, on the link's first use: send this instead of the link from now on. */
  rejoinKey?: string;
};

/** A resolved principal, or the raw token from a patient's or guest's link (resolved here, in the same query as the appointment). */
export type VideoTokenCaller = VideoPrincipal | { kind: 'link-token'; token: string };

export async function issueVideoToken(
  caller: VideoTokenCaller,
  appointmentId: string,
  options: { now?: Date; requestId?: string } = {},
): Promise<IssuedVideoToken> {
  const now = options.now ?? new Date();
  const { principal, facts } = await principalAndFacts(caller, appointmentId, now);
  const access = authorizeVideoAccess(principal, facts, now, 'join');
  const appointment = facts!;
  const sessionId = appointment.sessionId ?? (await ensureVideoSession(appointment.id));

  if (access.role === 'CLINICIAN' && appointment.sessionEndedAt) {
    // The clinician is starting again after "end session for everyone".
    await db().$transaction(async (tx) => {
      await tx.videoSession.update({ where: { id: sessionId }, data: { endedAt: null, endedById: null } });
      await notifyVideoChange(tx, sessionId, 'session');
    });
  }

  // The room and identity read with the appointment save two queries on the common path.
  const room = await ensureRoom(sessionId, appointment.sessionId ? appointment.latestRoom : null);
  const identity =
    appointment.participantIdentity && likelyPrincipalKey(principal) === access.principalKey
      ? appointment.participantIdentity
      : await ensureVideoParticipant(sessionId, access, principal);
  // Only now, with a room to go to, is a guest link used up.
  const rejoinKey =
    principal.kind === 'guest' && principal.firstUse
      ? await redeemGuestLink(principal.guestLinkId, now)
      : undefined;
  if (
    principal.kind === 'patient' &&
    (!principal.lastUsedAt || now.getTime() - principal.lastUsedAt.getTime() > 60_000)
  ) {
    // Shown to staff ("last used"); a minute's resolution is plenty.
    await db().joinLink.update({ where: { id: principal.joinLinkId }, data: { lastUsedAt: now } });
  }

  const minted = mintVideoToken({ identity, roomSid: room.sid, expiresAt: access.tokenExpiresAt });
  // Staff entering a patient's session is audited. A patient's or guest's own
  // use is recorded on their link (lastUsedAt, redeemedAt) and, once they
  // connect, in the room's events: the audit log is the trail of staff actions.
  if (principal.kind === 'user' || principal.kind === 'api') {
    await recordAudit({
      actor: { id: principal.user.id, role: principal.user.role },
      action: 'CREATE',
      entityType: 'VideoAccessToken',
      entityId: sessionId,
      patientId: appointment.patientId,
      requestId: options.requestId ?? null,
      detail: { role: access.role, via: principal.kind, roomId: room.id },
    });
  }

  return {
    token: minted.token,
    identity,
    role: access.role.toLowerCase() as Lowercase<VideoRole>,
    roomSid: room.sid,
    expiresAt: minted.expiresAt.toISOString(),
    ...(rejoinKey ? { rejoinKey } : {}),
  };
}

/**
 * Who is calling, and the appointment as they may see it. A patient's join
 * link is looked up in the same query as the appointment (the common case on
 * this hot route); guests' links and keys on their own.
 */
async function principalAndFacts(
  caller: VideoTokenCaller,
  appointmentId: string,
  now: Date,
): Promise<{ principal: VideoPrincipal; facts: AppointmentVideoFacts | null }> {
  if (caller.kind !== 'link-token') {
    return {
      principal: caller,
      facts: await loadAppointmentVideoFacts(appointmentId, { principalKey: likelyPrincipalKey(caller) }),
    };
  }
  const parsed = parseLinkToken(caller.token);
  if (parsed?.kind !== 'join') {
    const principal = await resolveLinkPrincipal(caller.token, now);
    return {
      principal,
      facts: await loadAppointmentVideoFacts(appointmentId, { principalKey: likelyPrincipalKey(principal) }),
    };
  }
  const facts = await loadAppointmentVideoFacts(appointmentId, {
    principalKey: 'patient',
    joinLinkId: parsed.linkId,
  });
  if (!facts) throw new AppError('NOT_FOUND', VIDEO_APPOINTMENT_NOT_FOUND);
  const link = facts.joinLink;
  if (!link || !linkSignatureValid('join', link.id, link.sessionId, parsed.signature)) {
    throw new AppError('NOT_FOUND', LINK_NOT_RECOGNISED);
  }
  const life = {
    revokedAt: link.revokedAt,
    replaced: false,
    appointmentStatus: facts.status,
    endsAt: facts.endsAt,
  };
  if (link.appointmentId === facts.id && deadLinkCode(life, now)) {
    // Rare, so looked up again: that answer says exactly what happened (replaced or
    // withdrawn) and gives the clinic's phone, like every other join route.
    await resolveLinkPrincipal(caller.token, now);
  }
  return {
    principal: {
      kind: 'patient',
      joinLinkId: link.id,
      appointmentId: link.appointmentId,
      revokedAt: link.revokedAt,
      lastUsedAt: link.lastUsedAt,
    },
    facts,
  };
}

/** The principalKey authorization will give, as far as it can be told before loading the appointment. */
function likelyPrincipalKey(principal: VideoPrincipal): string {
  switch (principal.kind) {
    case 'user':
    case 'api':
      return `clinician:${principal.user.id}`;
    case 'patient':
      return 'patient';
    case 'guest':
      return `guest:${principal.guestLinkId}`;
  }
}
