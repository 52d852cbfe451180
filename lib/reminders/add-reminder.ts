// Staff add a reminder to one appointment at a time of their choosing. It
// keeps its distance from the start (offset), so a reschedule moves it too;
// quiet hours apply as for policy reminders.
import 'server-only';

import { recordAudit } from '@/lib/audit/record-audit';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { isOpenStatus } from '@/lib/schemas/appointment';
import { reminderTimeSchema } from '@/lib/schemas/reminder';
import { parseInput } from '@/lib/schemas/parse-input';

import { enqueueReminders } from './enqueue-reminder';
import { getReminderConfig } from './get-reminder-config';
import { planReminderTime } from './plan-reminder-time';
import { patientTimeZone } from './reminder-appointment';
import { appointmentForReminders } from './staff-reminder-access';

export const TIME_MESSAGES = {
  afterStart: 'Choose a time before the appointment starts.',
  inPast: 'Choose a time that has not passed.',
  closed: 'This appointment is no longer open, so it gets no new reminders.',
} as const;

/** The offset for a chosen time, or a field error a person can act on. */
export function offsetForTime(startsAt: Date, sendAt: Date, now: Date): number {
  const offsetMinutes = Math.round((startsAt.getTime() - sendAt.getTime()) / 60_000);
  if (offsetMinutes <= 0) {
    throw new AppError('INVALID_INPUT', TIME_MESSAGES.afterStart, {
      fieldErrors: { sendAt: [TIME_MESSAGES.afterStart] },
    });
  }
  if (sendAt.getTime() < now.getTime() - 60_000) {
    throw new AppError('INVALID_INPUT', TIME_MESSAGES.inPast, {
      fieldErrors: { sendAt: [TIME_MESSAGES.inPast] },
    });
  }
  return offsetMinutes;
}

export async function addReminder(
  user: SessionUser,
  appointmentId: string,
  input: { sendAt: Date },
  now = new Date(),
): Promise<{ id: string; status: 'SCHEDULED' | 'SKIPPED'; reason: string | null; dueAt: Date }> {
  const appointment = await appointmentForReminders(user, appointmentId);
  const { sendAt } = parseInput(reminderTimeSchema, input);
  if (!isOpenStatus(appointment.status)) throw new AppError('CONFLICT', TIME_MESSAGES.closed);
  const offsetMinutes = offsetForTime(appointment.startsAt, sendAt, now);
  const config = await getReminderConfig(appointment.patient.clinicId);
  const plan = planReminderTime({
    startsAt: appointment.startsAt,
    offsetMinutes,
    timeZone: patientTimeZone(appointment.patient.timezone, config.clinicTimeZone),
    quietHours: config.quietHours,
    now,
  });

  const reminder = await db().$transaction(async (tx) => {
    const created = await tx.reminder.create({
      data: {
        appointmentId,
        patientId: appointment.patientId,
        source: 'STAFF',
        offsetMinutes,
        requestedAt: plan.requestedAt,
        dueAt: plan.ok ? plan.dueAt : plan.requestedAt,
        movedByQuietHours: plan.ok && plan.moved,
        status: plan.ok ? 'SCHEDULED' : 'SKIPPED',
        reason: plan.ok ? null : plan.reason,
        createdById: user.id,
        events: {
          create: plan.ok
            ? { type: 'SCHEDULED', detail: plan.moved ? 'QUIET_HOURS' : null, actorId: user.id }
            : { type: 'SKIPPED', detail: plan.reason, actorId: user.id },
        },
      },
      select: { id: true, status: true, reason: true, dueAt: true },
    });
    await recordAudit(
      {
        actor: { id: user.id, role: user.role },
        action: 'CREATE',
        entityType: 'Reminder',
        entityId: created.id,
        patientId: appointment.patientId,
        detail: { operation: 'add-reminder', fields: ['dueAt'] },
      },
      tx,
    );
    return created;
  });
  if (reminder.status === 'SCHEDULED') await enqueueReminders([reminder]);
  return {
    id: reminder.id,
    status: reminder.status === 'SCHEDULED' ? 'SCHEDULED' : 'SKIPPED',
    reason: reminder.reason,
    dueAt: reminder.dueAt,
  };
}
