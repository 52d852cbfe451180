// A new appointment's reminders, from the clinic's policy (default 24 hours
// and 2 hours before). Called after the booking has committed; a reminder whose
// time cannot work (already passed, or quiet hours leave no time) is kept as
// SKIPPED with its reason, so staff can see why the patient will not get it.
import 'server-only';

import { db } from '@/lib/db/client';
import { isOpenStatus } from '@/lib/schemas/appointment';

import { enqueueReminders } from './enqueue-reminder';
import { loadReminderPlanner } from './load-reminder-planner';
import { createPolicyReminder } from './planned-reminder-data';
import { loadReminderAppointment } from './reminder-appointment';

export async function scheduleAppointmentReminders(
  appointmentId: string,
  options: { actorId?: string | null; now?: Date } = {},
): Promise<{ scheduled: string[]; skipped: string[] }> {
  const now = options.now ?? new Date();
  const appointment = await loadReminderAppointment({ id: appointmentId });
  if (!appointment || !isOpenStatus(appointment.status)) return { scheduled: [], skipped: [] };
  const { config, plan } = await loadReminderPlanner(appointment, now);

  // Called twice (a retried hook), it adds nothing: one policy reminder per offset.
  const existing = await db().reminder.findMany({
    where: { appointmentId, source: 'POLICY', status: { not: 'CANCELLED' } },
    select: { offsetMinutes: true },
  });
  const have = new Set(existing.map((r) => r.offsetMinutes));

  const created = await db().$transaction(
    config.offsetsMinutes
      .filter((offsetMinutes) => !have.has(offsetMinutes))
      .map((offsetMinutes) =>
        createPolicyReminder(appointment, offsetMinutes, plan(offsetMinutes), options.actorId ?? null),
      ),
  );

  const scheduled = created.filter((r) => r.status === 'SCHEDULED');
  await enqueueReminders(scheduled);
  return {
    scheduled: scheduled.map((r) => r.id),
    skipped: created.filter((r) => r.status === 'SKIPPED').map((r) => r.id),
  };
}
