// After an appointment moves: reminders still waiting move with it (each keeps
// its offset, so "2 hours before" stays 2 hours before the new time, then
// quiet hours are applied again), and for each policy reminder that already
// went out about the old time a new one is planned for the new time.
import 'server-only';

import { db } from '@/lib/db/client';
import { isOpenStatus } from '@/lib/schemas/appointment';

import { enqueueReminders } from './enqueue-reminder';
import { loadReminderPlanner } from './load-reminder-planner';
import { createPolicyReminder, plannedEvent, plannedFields } from './planned-reminder-data';
import { loadReminderAppointment } from './reminder-appointment';

// Skipped for a reason the new time may change; not for a closed appointment.
const REPLANNABLE_SKIPS = new Set([
  'NO_ALLOWED_TIME',
  'AFTER_APPOINTMENT',
  'TIME_PASSED',
  'APPOINTMENT_STARTED',
  'NO_CONSENT',
  'INVALID_MOBILE',
  'LANDLINE',
  'SMS_OPTED_OUT',
  'SMS_NOT_CONFIGURED',
  'NO_CHANNEL',
]);

export async function rescheduleAppointmentReminders(
  appointmentId: string,
  options: { actorId?: string | null; now?: Date } = {},
): Promise<{ moved: string[]; added: string[] }> {
  const now = options.now ?? new Date();
  const actorId = options.actorId ?? null;
  const appointment = await loadReminderAppointment({ id: appointmentId });
  if (!appointment || !isOpenStatus(appointment.status)) return { moved: [], added: [] };
  const { config, plan } = await loadReminderPlanner(appointment, now);

  const reminders = await db().reminder.findMany({
    where: { appointmentId },
    select: { id: true, source: true, offsetMinutes: true, status: true, reason: true },
  });

  const toMove = reminders.filter(
    (r) =>
      r.source !== 'RESEND' &&
      r.source !== 'JOIN_LINK' &&
      // Change notices follow the change itself (change-notice.ts).
      r.source !== 'CHANGE_NOTICE' &&
      (r.status === 'SCHEDULED' ||
        (r.status === 'SKIPPED' && r.reason !== null && REPLANNABLE_SKIPS.has(r.reason))),
  );
  const pendingOffsets = new Set(toMove.filter((r) => r.source === 'POLICY').map((r) => r.offsetMinutes));
  const wentOut = new Set(
    reminders
      .filter((r) => r.source === 'POLICY' && ['SENDING', 'SENT', 'DELIVERED', 'FAILED'].includes(r.status))
      .map((r) => r.offsetMinutes),
  );
  const toAdd = config.offsetsMinutes.filter((o) => wentOut.has(o) && !pendingOffsets.has(o));

  const results = await db().$transaction([
    ...toMove.map((r) => {
      const p = plan(r.offsetMinutes);
      return db().reminder.update({
        where: { id: r.id },
        data: {
          ...plannedFields(p),
          events: { create: plannedEvent(p, 'MOVED', actorId, { onTime: 'APPOINTMENT_MOVED' }) },
        },
        select: { id: true, status: true, dueAt: true },
      });
    }),
    ...toAdd.map((offsetMinutes) =>
      createPolicyReminder(appointment, offsetMinutes, plan(offsetMinutes), actorId, {
        moved: 'APPOINTMENT_MOVED',
        onTime: 'APPOINTMENT_MOVED',
      }),
    ),
  ]);

  await enqueueReminders(results.filter((r) => r.status === 'SCHEDULED'));
  return {
    moved: results.slice(0, toMove.length).map((r) => r.id),
    added: results.slice(toMove.length).map((r) => r.id),
  };
}
