// Staff move one waiting reminder to another time (or give a skipped one a
// new time). Quiet hours apply again; the queued job moves with it.
import 'server-only';

import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { reminderTimeSchema } from '@/lib/schemas/reminder';
import { parseInput } from '@/lib/schemas/parse-input';

import { auditStaffReminder, staffReminderResult, type StaffReminderResult } from './create-staff-reminder';
import { enqueueReminders } from '../scheduling/enqueue-reminder';
import { loadReminderPlanner } from '../scheduling/load-reminder-planner';
import { plannedEvent, plannedFields } from '../scheduling/planned-reminder-data';
import { loadReminderAppointment } from '../scheduling/reminder-appointment';
import { reminderForStaff } from './staff-reminder-access';
import { assertOpenForReminders, offsetForTime } from './staff-reminder-time';

export const NOT_MOVABLE = 'Only a reminder that is still waiting (or was skipped) can be moved.';

export async function moveReminder(
  user: SessionUser,
  reminderId: string,
  input: { sendAt: Date },
  now = new Date(),
): Promise<StaffReminderResult> {
  const reminder = await reminderForStaff(user, reminderId);
  const { sendAt } = parseInput(reminderTimeSchema, input);
  if (reminder.status !== 'SCHEDULED' && reminder.status !== 'SKIPPED')
    throw new AppError('CONFLICT', NOT_MOVABLE);
  const appointment = await loadReminderAppointment({ id: reminder.appointmentId });
  assertOpenForReminders(appointment);
  const offsetMinutes = offsetForTime(appointment.startsAt, sendAt, now);
  const plan = (await loadReminderPlanner(appointment, now)).plan(offsetMinutes);

  const updated = await db().$transaction(async (tx) => {
    // Guarded on the status read above: a reminder that started sending meanwhile is not moved.
    const { count } = await tx.reminder.updateMany({
      where: { id: reminderId, status: { in: ['SCHEDULED', 'SKIPPED'] } },
      data: { offsetMinutes, ...plannedFields(plan) },
    });
    if (count !== 1)
      throw new AppError('CONFLICT', 'This reminder started sending while you were moving it.');
    await tx.reminderEvent.create({ data: { reminderId, ...plannedEvent(plan, 'MOVED', user.id) } });
    await auditStaffReminder(tx, user, 'UPDATE', reminder, { operation: 'move-reminder', fields: ['dueAt'] });
    return tx.reminder.findUniqueOrThrow({
      where: { id: reminderId },
      select: { id: true, status: true, reason: true, dueAt: true },
    });
  });
  if (updated.status === 'SCHEDULED') await enqueueReminders([updated]);
  return staffReminderResult(updated);
}
