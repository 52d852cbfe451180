// Staff move one waiting reminder to another time (or give a skipped one a
// new time). Quiet hours apply again; the queued job moves with it.
import 'server-only';

import { recordAudit } from '@/lib/audit/record-audit';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { isOpenStatus } from '@/lib/schemas/appointment';
import { reminderTimeSchema } from '@/lib/schemas/reminder';
import { parseInput } from '@/lib/schemas/parse-input';

import { offsetForTime, TIME_MESSAGES } from './add-reminder';
import { enqueueReminders } from './enqueue-reminder';
import { getReminderConfig } from './get-reminder-config';
import { planReminderTime } from './plan-reminder-time';
import { loadReminderAppointment, patientTimeZone } from './reminder-appointment';
import { reminderForStaff } from './staff-reminder-access';

export const NOT_MOVABLE = 'Only a reminder that is still waiting (or was skipped) can be moved.';

export async function moveReminder(
  user: SessionUser,
  reminderId: string,
  input: { sendAt: Date },
  now = new Date(),
): Promise<{ id: string; status: 'SCHEDULED' | 'SKIPPED'; reason: string | null; dueAt: Date }> {
  const reminder = await reminderForStaff(user, reminderId);
  const { sendAt } = parseInput(reminderTimeSchema, input);
  if (reminder.status !== 'SCHEDULED' && reminder.status !== 'SKIPPED')
    throw new AppError('CONFLICT', NOT_MOVABLE);
  const appointment = await loadReminderAppointment({ id: reminder.appointmentId });
  if (!appointment || !isOpenStatus(appointment.status)) throw new AppError('CONFLICT', TIME_MESSAGES.closed);
  const offsetMinutes = offsetForTime(appointment.startsAt, sendAt, now);
  const config = await getReminderConfig(appointment.patient.clinicId);
  const plan = planReminderTime({
    startsAt: appointment.startsAt,
    offsetMinutes,
    timeZone: patientTimeZone(appointment.patient.timezone, config.clinicTimeZone),
    quietHours: config.quietHours,
    now,
  });

  const updated = await db().$transaction(async (tx) => {
    // Guarded on the status read above: a reminder that started sending meanwhile is not moved.
    const { count } = await tx.reminder.updateMany({
      where: { id: reminderId, status: { in: ['SCHEDULED', 'SKIPPED'] } },
      data: {
        offsetMinutes,
        requestedAt: plan.requestedAt,
        dueAt: plan.ok ? plan.dueAt : plan.requestedAt,
        movedByQuietHours: plan.ok && plan.moved,
        status: plan.ok ? 'SCHEDULED' : 'SKIPPED',
        reason: plan.ok ? null : plan.reason,
      },
    });
    if (count !== 1)
      throw new AppError('CONFLICT', 'This reminder started sending while you were moving it.');
    await tx.reminderEvent.create({
      data: plan.ok
        ? { reminderId, type: 'MOVED', detail: plan.moved ? 'QUIET_HOURS' : null, actorId: user.id }
        : { reminderId, type: 'SKIPPED', detail: plan.reason, actorId: user.id },
    });
    await recordAudit(
      {
        actor: { id: user.id, role: user.role },
        action: 'UPDATE',
        entityType: 'Reminder',
        entityId: reminderId,
        patientId: reminder.patientId,
        detail: { operation: 'move-reminder', fields: ['dueAt'] },
      },
      tx,
    );
    return tx.reminder.findUniqueOrThrow({
      where: { id: reminderId },
      select: { id: true, status: true, reason: true, dueAt: true },
    });
  });
  if (updated.status === 'SCHEDULED') await enqueueReminders([updated]);
  return {
    id: updated.id,
    status: updated.status === 'SCHEDULED' ? 'SCHEDULED' : 'SKIPPED',
    reason: updated.reason,
    dueAt: updated.dueAt,
  };
}
