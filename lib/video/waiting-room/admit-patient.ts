// The clinician lets the waiting patient in, or declines them. The patient's
// browser hears of it through the event stream; the token route checks the
// stored state, so a browser cannot admit itself.
import 'server-only';

import { recordChange } from '@/lib/audit/record-change';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { AppError } from '@/lib/errors/app-error';

import { notifyVideoChange } from '../events/notify-video-change';
import { requireStaffVideoAccess } from '../access/staff-video-access';

export async function admitPatient(user: SessionUser, appointmentId: string, now: Date = new Date()) {
  const { appointment, sessionId } = await requireStaffVideoAccess(user, appointmentId, 'host');
  await db().$transaction(async (tx) => {
    const entry = await tx.waitingRoomEntry.findUnique({ where: { sessionId }, select: { status: true } });
    if (entry?.status === 'ADMITTED') return;
    if (entry?.status !== 'WAITING') {
      throw new AppError('CONFLICT', 'The patient is not in the waiting room at the moment.', {
        details: { waitingStatus: entry?.status ?? null },
      });
    }
    await tx.waitingRoomEntry.update({
      where: { sessionId },
      data: { status: 'ADMITTED', admittedAt: now, admittedById: user.id },
    });
    await recordWaitingChange(tx, user, { sessionId, patientId: appointment.patientId }, 'admit');
  });
  return { status: 'ADMITTED' as const };
}

export async function declinePatient(user: SessionUser, appointmentId: string, now: Date = new Date()) {
  const { appointment, sessionId } = await requireStaffVideoAccess(user, appointmentId, 'host');
  await db().$transaction(async (tx) => {
    const declined = await tx.waitingRoomEntry.updateMany({
      where: { sessionId, status: { in: ['WAITING', 'ADMITTED'] } },
      data: { status: 'DECLINED', declinedAt: now, declinedById: user.id },
    });
    if (declined.count === 0)
      throw new AppError('CONFLICT', 'The patient is not in the waiting room at the moment.');
    await recordWaitingChange(tx, user, { sessionId, patientId: appointment.patientId }, 'decline');
  });
  return { status: 'DECLINED' as const };
}

/** Tells the streams and writes the audit entry, in the transaction that made the change. */
async function recordWaitingChange(
  tx: Prisma.TransactionClient,
  user: SessionUser,
  entry: { sessionId: string; patientId: string },
  operation: 'admit' | 'decline',
) {
  await notifyVideoChange(tx, entry.sessionId, 'waiting');
  await recordChange(tx, user, 'UPDATE', {
    type: 'WaitingRoomEntry',
    id: entry.sessionId,
    patientId: entry.patientId,
    detail: { operation },
  });
}
