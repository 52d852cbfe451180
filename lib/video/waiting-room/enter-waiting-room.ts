// The patient joins (or comes back to) the waiting room. An admitted patient
// stays admitted when the page reloads; a declined one is not put back.
import 'server-only';

import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';

import { loadAppointmentVideoFacts } from '../rooms/appointment-video-facts';
import { authorizeVideoAccess } from '../access/authorize-video-access';
import { notifyVideoChange } from '../events/notify-video-change';
import type { LinkPrincipal } from '../access/resolve-link-principal';
import { isUniqueViolation } from '../rooms/unique-violation';

export async function enterWaitingRoom(principal: LinkPrincipal, now: Date = new Date()) {
  try {
    return await enter(principal, now);
  } catch (err) {
    // Two tabs arriving at once: the second finds the first's row on a second try.
    if (!isUniqueViolation(err)) throw err;
    return enter(principal, now);
  }
}

async function enter(principal: LinkPrincipal, now: Date) {
  if (principal.kind !== 'patient')
    throw new AppError(
      'FORBIDDEN',
      'Guests go straight into the session; there is no waiting room for them.',
    );
  const appointment = await loadAppointmentVideoFacts(principal.appointmentId);
  authorizeVideoAccess(principal, appointment, now, 'wait');

  return db().$transaction(async (tx) => {
    const session = await tx.videoSession.findUniqueOrThrow({
      where: { id: principal.sessionId },
      select: { patientConsentAt: true, waitingEntry: { select: { status: true, waitingSince: true } } },
    });
    if (!session.patientConsentAt) {
      throw new AppError(
        'CONFLICT',
        'Please confirm your consent and where you are before joining the waiting room.',
        {
          details: { reason: 'CONSENT_NEEDED' },
        },
      );
    }
    const entry = session.waitingEntry;
    if (entry?.status === 'DECLINED') {
      throw new AppError(
        'FORBIDDEN',
        'Your clinician was not able to let you into this session. Please contact the clinic.',
        {
          details: { reason: 'DECLINED' },
        },
      );
    }
    if (entry?.status === 'WAITING' || entry?.status === 'ADMITTED') {
      return { status: entry.status, since: entry.waitingSince.toISOString() };
    }
    const saved = await tx.waitingRoomEntry.upsert({
      where: { sessionId: principal.sessionId },
      create: { sessionId: principal.sessionId, status: 'WAITING', waitingSince: now },
      update: { status: 'WAITING', waitingSince: now, leftAt: null, admittedAt: null, admittedById: null },
      select: { status: true, waitingSince: true },
    });
    await notifyVideoChange(tx, principal.sessionId, 'waiting');
    return { status: saved.status, since: saved.waitingSince.toISOString() };
  });
}

export async function leaveWaitingRoom(principal: LinkPrincipal, now: Date = new Date()) {
  if (principal.kind !== 'patient')
    throw new AppError('FORBIDDEN', 'Only the patient has a place in the waiting room.');
  return db().$transaction(async (tx) => {
    const left = await tx.waitingRoomEntry.updateMany({
      where: { sessionId: principal.sessionId, status: { in: ['WAITING', 'ADMITTED'] } },
      data: { status: 'LEFT', leftAt: now },
    });
    if (left.count > 0) await notifyVideoChange(tx, principal.sessionId, 'waiting');
    return { status: 'LEFT' as const };
  });
}
