// Cancels an appointment: status CANCELLED, when, and an optional reason. The
// one place a cancellation happens: hooks to stop reminders and close video
// rooms are added after the transaction below.
import 'server-only';

import { recordChange } from '@/lib/audit/record-change';
import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import {
  cancelAppointmentSchema,
  isOpenStatus,
  statusLabels,
  type CancelAppointmentInput,
} from '@/lib/schemas/appointment';
import { noticeAfterChange, remindersAfterCancel } from '@/lib/reminders/scheduling/appointment-hooks';
import { recordChangeNotice } from '@/lib/reminders/scheduling/change-notice';
import { parseInput } from '@/lib/schemas/parse-input';
import { notifyVideoChange } from '@/lib/video/events/notify-video-change';

import { appointmentWhereForUser } from '@/lib/auth/appointment-scope';
import { APPOINTMENT_NOT_FOUND } from './get-appointment';
import type { ChangeOptions } from './reschedule-appointment';

export async function cancelAppointment(
  user: SessionUser,
  id: string,
  input: CancelAppointmentInput = {},
  options: ChangeOptions = {},
): Promise<{ id: string; cancelledAt: Date }> {
  assertCan(user, 'appointments.write');
  const { reason } = parseInput(cancelAppointmentSchema, input);
  const notifyPatient = options.notifyPatient ?? true;

  const result = await db().$transaction(async (tx) => {
    const existing = await tx.appointment.findFirst({
      where: { AND: [{ id }, appointmentWhereForUser(user)] },
      select: { id: true, patientId: true, status: true, startsAt: true },
    });
    if (!existing) throw new AppError('NOT_FOUND', APPOINTMENT_NOT_FOUND);
    if (!isOpenStatus(existing.status)) {
      throw new AppError(
        'CONFLICT',
        existing.status === 'CANCELLED'
          ? 'This appointment was already cancelled.'
          : `This appointment is marked ${statusLabels[existing.status].toLowerCase()}, so it cannot be cancelled.`,
      );
    }
    const cancelledAt = options.now ?? new Date();
    // Guarded on the status read above, so two cancels at once record one.
    const { count } = await tx.appointment.updateMany({
      where: { id, status: existing.status },
      data: { status: 'CANCELLED', cancelledAt, cancelReason: reason },
    });
    if (count !== 1)
      throw new AppError(
        'CONFLICT',
        'This appointment changed while you were cancelling it. Reload and check.',
      );
    // A patient waiting on their link hears at once (on commit) that it no longer works.
    const video = await tx.videoSession.findUnique({ where: { appointmentId: id }, select: { id: true } });
    if (video) await notifyVideoChange(tx, video.id, 'session');
    // The patient is told (written with the cancellation, sent a few minutes later).
    const notice = await recordChangeNotice(tx, {
      appointmentId: id,
      change: 'CANCELLED',
      previousStartsAt: existing.startsAt,
      startsAt: existing.startsAt,
      notifyPatient,
      actorId: user.id,
      now: cancelledAt,
    });

    await recordChange(tx, user, 'UPDATE', {
      type: 'Appointment',
      id,
      patientId: existing.patientId,
      detail: {
        operation: 'cancel',
        fields: reason ? ['status', 'cancelledAt', 'cancelReason'] : ['status', 'cancelledAt'],
        notifyPatient,
      },
    });
    return { id, cancelledAt, notice };
  });

  // Hooks for a cancelled appointment (stop reminders, close the video room) go here.
  await remindersAfterCancel(id, user.id);
  await noticeAfterChange(id, result.notice);
  return { id: result.id, cancelledAt: result.cancelledAt };
}
