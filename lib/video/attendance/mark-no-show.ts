// The patient did not come: the appointment becomes NO_SHOW and its video
// session is closed (any room in progress is ended, the link stops working).
import 'server-only';

import { recordChange } from '@/lib/audit/record-change';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';

import { closeSession, completeOpenRooms } from '../rooms/end-video-session';
import { requireStaffVideoAccess } from '../access/staff-video-access';

export async function markNoShow(user: SessionUser, appointmentId: string, now: Date = new Date()) {
  const { appointment, sessionId } = await requireStaffVideoAccess(user, appointmentId, 'mark-no-show');
  if (appointment.status === 'CANCELLED') {
    throw new AppError('CONFLICT', 'This appointment was cancelled, so it cannot be marked a no-show.');
  }
  if (appointment.startsAt > now) {
    throw new AppError('CONFLICT', 'An appointment can be marked a no-show only once it has started.');
  }
  if (appointment.status === 'NO_SHOW') return { changed: false };
  await completeOpenRooms(sessionId);
  await closeSession(sessionId, user.id, now);
  await db().$transaction(async (tx) => {
    await tx.appointment.update({ where: { id: appointment.id }, data: { status: 'NO_SHOW' } });
    await recordChange(tx, user, 'UPDATE', {
      type: 'Appointment',
      id: appointment.id,
      patientId: appointment.patientId,
      detail: { operation: 'status', fields: ['status'], via: 'video' },
    });
  });
  return { changed: true };
}
