// Moves an appointment to a new time, keeping its id (links, reminders and
// video rooms hang off it). The one place a reschedule happens: hooks for
// reminders and rooms are added after the transaction below.
import 'server-only';

import { recordChange } from '@/lib/audit/record-change';
import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import {
  isOpenStatus,
  rescheduleAppointmentSchema,
  SLOT_MESSAGES,
  statusLabels,
  type RescheduleAppointmentInput,
} from '@/lib/schemas/appointment';
import { noticeAfterChange, remindersAfterReschedule } from '@/lib/reminders/scheduling/appointment-hooks';
import { recordChangeNotice, type ChangeNoticeOutcome } from '@/lib/reminders/scheduling/change-notice';
import { parseInput } from '@/lib/schemas/parse-input';
import { getClinicTimeZone } from '@/lib/time/get-clinic-time-zone';

import { appointmentWhereForUser } from '@/lib/auth/appointment-scope';
import { APPOINTMENT_NOT_FOUND } from './get-appointment';
import { assertNoClash, lockClinicianSchedule } from './schedule-clash';

export type RescheduleResult = {
  id: string;
  changedFields: string[];
  previous: { startsAt: Date; endsAt: Date };
};

export interface ChangeOptions {
  /** Tell the patient (a change notice through the reminder engine). Staff may turn it off for one change. */
  notifyPatient?: boolean;
  now?: Date;
}

export async function rescheduleAppointment(
  user: SessionUser,
  id: string,
  input: RescheduleAppointmentInput,
  options: ChangeOptions = {},
): Promise<RescheduleResult> {
  assertCan(user, 'appointments.write');
  const values = parseInput(rescheduleAppointmentSchema, input);
  const now = options.now ?? new Date();
  const notifyPatient = options.notifyPatient ?? true;
  let notice: ChangeNoticeOutcome | null = null;
  if (values.startsAt.getTime() < now.getTime()) {
    throw new AppError('INVALID_INPUT', SLOT_MESSAGES.inPast, {
      fieldErrors: { startsAt: [SLOT_MESSAGES.inPast] },
    });
  }
  const timeZone = await getClinicTimeZone(user.clinicId);

  const result = await db().$transaction(async (tx) => {
    const existing = await tx.appointment.findFirst({
      where: { AND: [{ id }, appointmentWhereForUser(user)] },
      select: { id: true, clinicianId: true, patientId: true, startsAt: true, endsAt: true, status: true },
    });
    if (!existing) throw new AppError('NOT_FOUND', APPOINTMENT_NOT_FOUND);
    if (!isOpenStatus(existing.status)) {
      throw new AppError(
        'CONFLICT',
        `This appointment is ${statusLabels[existing.status].toLowerCase()}, so it cannot be moved. Book a new appointment instead.`,
      );
    }
    const previous = { startsAt: existing.startsAt, endsAt: existing.endsAt };
    const changedFields: string[] = [];
    if (existing.startsAt.getTime() !== values.startsAt.getTime()) changedFields.push('startsAt');
    if (existing.endsAt.getTime() !== values.endsAt.getTime()) changedFields.push('endsAt');
    if (changedFields.length === 0) return { id, changedFields, previous };

    await lockClinicianSchedule(tx, existing.clinicianId);
    await assertNoClash(
      tx,
      { ...values, clinicianId: existing.clinicianId, excludeAppointmentId: id },
      timeZone,
    );

    // A confirmation was for the old time: the new time goes back to BOOKED.
    const status = existing.status === 'CONFIRMED' ? 'BOOKED' : existing.status;
    if (status !== existing.status) changedFields.push('status');

    await tx.appointment.update({
      where: { id },
      data: { startsAt: values.startsAt, endsAt: values.endsAt, status },
    });
    // A new start tells the patient (written with the change, sent a few minutes later).
    if (changedFields.includes('startsAt')) {
      notice = await recordChangeNotice(tx, {
        appointmentId: id,
        change: 'MOVED',
        previousStartsAt: existing.startsAt,
        startsAt: values.startsAt,
        notifyPatient,
        actorId: user.id,
        now,
      });
    }
    await recordChange(tx, user, 'UPDATE', {
      type: 'Appointment',
      id,
      patientId: existing.patientId,
      detail: {
        operation: 'reschedule',
        fields: changedFields,
        ...(changedFields.includes('startsAt') ? { notifyPatient } : {}),
      },
    });
    return { id, changedFields, previous };
  });

  // Hooks for a rescheduled appointment (move reminders, the video room) go here.
  if (result.changedFields.includes('startsAt')) await remindersAfterReschedule(id, user.id);
  if (notice) await noticeAfterChange(id, notice);
  return result;
}
