// Staff add a reminder to one appointment at a time of their choosing. It
// keeps its distance from the start (offset), so a reschedule moves it too;
// quiet hours apply as for policy reminders.
import 'server-only';

import type { SessionUser } from '@/lib/auth/session-user';
import { reminderTimeSchema } from '@/lib/schemas/reminder';
import { parseInput } from '@/lib/schemas/parse-input';

import { createStaffReminder, staffReminderResult, type StaffReminderResult } from './create-staff-reminder';
import { enqueueReminders } from '../scheduling/enqueue-reminder';
import { loadReminderPlanner } from '../scheduling/load-reminder-planner';
import { plannedEvent, plannedFields } from '../scheduling/planned-reminder-data';
import { appointmentForReminders } from './staff-reminder-access';
import { assertOpenForReminders, offsetForTime } from './staff-reminder-time';

export async function addReminder(
  user: SessionUser,
  appointmentId: string,
  input: { sendAt: Date },
  now = new Date(),
): Promise<StaffReminderResult> {
  const appointment = await appointmentForReminders(user, appointmentId);
  const { sendAt } = parseInput(reminderTimeSchema, input);
  assertOpenForReminders(appointment);
  const offsetMinutes = offsetForTime(appointment.startsAt, sendAt, now);
  const plan = (await loadReminderPlanner(appointment, now)).plan(offsetMinutes);

  const reminder = await createStaffReminder(
    user,
    {
      appointmentId,
      patientId: appointment.patientId,
      source: 'STAFF',
      offsetMinutes,
      ...plannedFields(plan),
      events: { create: plannedEvent(plan, 'SCHEDULED', user.id) },
    },
    { operation: 'add-reminder', fields: ['dueAt'] },
  );
  if (reminder.status === 'SCHEDULED') await enqueueReminders([reminder]);
  return staffReminderResult(reminder);
}
