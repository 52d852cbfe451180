// Staff reminder operations start here: the permission, then the appointment
// (or reminder) found only within the user's clinic, so an id from elsewhere
// reads as not found.
import 'server-only';

import { appointmentWhereForUser } from '@/lib/auth/appointment-scope';
import { assertCan } from '@/lib/auth/guards';
import type { Permission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';

import { loadReminderAppointment, type ReminderAppointment } from '../scheduling/reminder-appointment';

export const REMINDER_NOT_FOUND =
  'That reminder was not found. It may belong to another clinic or have been removed.';
export const APPOINTMENT_NOT_FOUND = 'That appointment was not found.';

export async function appointmentForReminders(
  user: SessionUser,
  appointmentId: string,
  permission: Permission = 'reminders.write',
): Promise<ReminderAppointment> {
  assertCan(user, permission);
  const appointment = await loadReminderAppointment({
    AND: [{ id: appointmentId }, appointmentWhereForUser(user)],
  });
  if (!appointment) throw new AppError('NOT_FOUND', APPOINTMENT_NOT_FOUND);
  return appointment;
}

export async function reminderForStaff(
  user: SessionUser,
  reminderId: string,
  permission: Permission = 'reminders.write',
) {
  assertCan(user, permission);
  const reminder = await db().reminder.findFirst({
    where: { id: reminderId, appointment: appointmentWhereForUser(user) },
    select: {
      id: true,
      appointmentId: true,
      patientId: true,
      status: true,
      reason: true,
      source: true,
      offsetMinutes: true,
      jobId: true,
    },
  });
  if (!reminder) throw new AppError('NOT_FOUND', REMINDER_NOT_FOUND);
  return reminder;
}
