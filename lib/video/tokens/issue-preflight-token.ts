// A short-lived token for the join page's connection test (twilio-video's
// preflight), which patients run before they are admitted. Its grant names a
// room that never exists ("preflight-" and random digits): the preflight only
// needs Twilio's TURN and test servers, and the Twilio account refuses
// client-side room creation (docs/decisions/004-telehealth-video.md), so the
// token cannot open or make a real room.
import 'server-only';

import { randomBytes } from 'node:crypto';

import { AppError } from '@/lib/errors/app-error';
import { signVideoAccessToken } from '@/lib/twilio/video-access-token';

import { loadAppointmentVideoFacts } from '../rooms/appointment-video-facts';
import { joinWindow, windowPosition } from '../links/join-window';
import type { LinkPrincipal } from '../access/resolve-link-principal';

export const PREFLIGHT_TOKEN_TTL_SECONDS = 300;

export async function issuePreflightToken(
  principal: LinkPrincipal,
  now: Date = new Date(),
): Promise<{ token: string; expiresAt: string }> {
  const appointment = await loadAppointmentVideoFacts(principal.appointmentId);
  const closed =
    !appointment ||
    principal.revokedAt !== null ||
    appointment.status === 'CANCELLED' ||
    appointment.status === 'NO_SHOW' ||
    windowPosition(joinWindow(appointment, principal.kind === 'patient' ? 'PATIENT' : 'GUEST'), now) ===
      'after';
  if (closed) throw new AppError('GONE', 'This link can no longer be used for a connection test.');
  const token = signVideoAccessToken({
    identity: `preflight:${randomBytes(8).toString('hex')}`,
    roomSid: `preflight-${randomBytes(12).toString('hex')}`,
    ttlSeconds: PREFLIGHT_TOKEN_TTL_SECONDS,
  });
  return { token, expiresAt: new Date(now.getTime() + PREFLIGHT_TOKEN_TTL_SECONDS * 1000).toISOString() };
}
