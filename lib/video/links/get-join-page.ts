// What the patient's or guest's join page shows on its first screen: the
// clinic's name, the clinician's first name and the time in the patient's own
// timezone, with the same session state as GET /api/video/join. The page is
// opened from the link, so its token is the credential here too. Nothing about
// the patient is sent back: they know who they are. A dead link shows only what
// happened and the clinic's phone number.
import 'server-only';

import { db } from '@/lib/db/client';
import { isAppError } from '@/lib/errors/app-error';

import { isDeadLinkCode, type DeadLinkCode } from './dead-link';
import { getJoinState, type JoinState } from './get-join-state';
import { notifyVideoChange } from '../events/notify-video-change';
import { resolveLinkPrincipal } from '../access/resolve-link-principal';

export type JoinPageFacts = {
  clinicName: string;
  clinicPhone: string | null;
  clinicianFirstName: string;
  /** The patient's timezone (guests: the clinic's). */
  timeZone: string;
  state: JoinState;
};

export type JoinPage =
  | { kind: 'ok'; facts: JoinPageFacts }
  /** The token is not ours, or its signature does not match. */
  | { kind: 'not-recognised'; message: string }
  /** A guest link already exchanged for a rejoin key (that browser holds it). */
  | { kind: 'guest-link-used'; message: string }
  /** Withdrawn, replaced, expired, or its appointment cancelled or closed. */
  | { kind: 'dead'; code: DeadLinkCode; message: string; clinicPhone: string | null };

export async function getJoinPage(token: string, now: Date = new Date()): Promise<JoinPage> {
  let principal;
  try {
    principal = await resolveLinkPrincipal(token, now);
  } catch (err) {
    if (isAppError(err) && err.details?.reason === 'GUEST_LINK_USED') {
      return { kind: 'guest-link-used', message: err.message };
    }
    if (isAppError(err) && isDeadLinkCode(err.code)) {
      const phone = err.details?.clinicPhone;
      return {
        kind: 'dead',
        code: err.code,
        message: err.message,
        clinicPhone: typeof phone === 'string' ? phone : null,
      };
    }
    if (isAppError(err) && err.code === 'NOT_FOUND') return { kind: 'not-recognised', message: err.message };
    throw err;
  }
  if (principal.kind === 'patient') await markFirstOpened(principal.joinLinkId, principal.sessionId, now);
  const [state, appointment] = await Promise.all([
    getJoinState(principal),
    db().appointment.findUniqueOrThrow({
      where: { id: principal.appointmentId },
      select: {
        clinician: { select: { givenName: true } },
        patient: {
          select: { timezone: true, clinic: { select: { name: true, timezone: true, contactPhone: true } } },
        },
      },
    }),
  ]);
  const clinic = appointment.patient.clinic;
  return {
    kind: 'ok',
    facts: {
      clinicName: clinic.name,
      clinicPhone: clinic.contactPhone,
      clinicianFirstName: appointment.clinician.givenName,
      timeZone: principal.kind === 'patient' ? appointment.patient.timezone : clinic.timezone,
      state,
    },
  };
}

/** Staff see when the patient first opened their link: written once, by whichever request is first. */
async function markFirstOpened(joinLinkId: string, sessionId: string, now: Date): Promise<void> {
  const changed = await db().joinLink.updateMany({
    where: { id: joinLinkId, firstOpenedAt: null },
    data: { firstOpenedAt: now },
  });
  if (changed.count > 0) await notifyVideoChange(db(), sessionId, 'link');
}
