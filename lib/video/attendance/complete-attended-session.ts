// When a session's room ends: if the patient and the clinician both connected,
// the appointment is Completed (derive-session-status.ts says when). Only a
// Booked or Confirmed appointment moves, in one conditional update, so a
// status a person set meanwhile (cancelled, no-show) stays, and a redelivered
// room-ended changes nothing twice.
import 'server-only';

import { recordChange } from '@/lib/audit/record-change';
import { db } from '@/lib/db/client';

import { deriveSessionStatus, shouldComplete } from '../rooms/derive-session-status';
import { loadSessionEvents } from '../events/load-session-events';
import { notifyVideoChange } from '../events/notify-video-change';

export async function completeAttendedSession(sessionId: string): Promise<{ completed: boolean }> {
  const [events, session] = await Promise.all([
    loadSessionEvents([sessionId]),
    db().videoSession.findUnique({
      where: { id: sessionId },
      select: { appointment: { select: { id: true, status: true, startsAt: true, patientId: true } } },
    }),
  ]);
  const appointment = session?.appointment;
  if (!appointment) return { completed: false };
  const status = deriveSessionStatus(events.get(sessionId) ?? []);
  if (!shouldComplete(status, appointment)) return { completed: false };
  return db().$transaction(async (tx) => {
    const changed = await tx.appointment.updateMany({
      where: { id: appointment.id, status: { in: ['BOOKED', 'CONFIRMED'] } },
      data: { status: 'COMPLETED' },
    });
    if (changed.count === 0) return { completed: false };
    await notifyVideoChange(tx, sessionId, 'session');
    // No person did this: the actor is empty and the detail says what it followed from.
    await recordChange(tx, null, 'UPDATE', {
      type: 'Appointment',
      id: appointment.id,
      patientId: appointment.patientId,
      detail: { operation: 'status', fields: ['status'], via: 'video-room-ended' },
    });
    return { completed: true };
  });
}
