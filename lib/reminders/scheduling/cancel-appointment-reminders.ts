// A cancelled (or closed) appointment's reminders that have not gone out are
// cancelled. A send already in flight at Twilio cannot be recalled; its job
// sees the cancellation before any fallback and stops there.
import 'server-only';

import { db } from '@/lib/db/client';

import { cancelReminderJob } from './enqueue-reminder';
import type { ReasonCode } from '../status/reminder-reasons';

export async function cancelAppointmentReminders(
  appointmentId: string,
  options: {
    actorId?: string | null;
    reason?: Extract<ReasonCode, 'APPOINTMENT_CANCELLED' | 'APPOINTMENT_CLOSED'>;
  } = {},
): Promise<{ cancelled: string[] }> {
  const reason = options.reason ?? 'APPOINTMENT_CANCELLED';
  const pending = await db().reminder.findMany({
    // Not the change notices: a waiting one now tells the cancellation (change-notice.ts).
    where: { appointmentId, status: { in: ['SCHEDULED', 'SENDING'] }, source: { not: 'CHANGE_NOTICE' } },
    select: { id: true, jobId: true },
  });
  if (pending.length === 0) return { cancelled: [] };
  const ids = pending.map((r) => r.id);
  const now = new Date();
  await db().$transaction([
    db().reminder.updateMany({
      where: { id: { in: ids }, status: { in: ['SCHEDULED', 'SENDING'] } },
      data: { status: 'CANCELLED', reason, cancelledAt: now },
    }),
    db().reminderEvent.createMany({
      data: ids.map((reminderId) => ({
        reminderId,
        type: 'CANCELLED',
        detail: reason,
        actorId: options.actorId ?? null,
      })),
    }),
  ]);
  for (const r of pending) await cancelReminderJob(r.jobId);
  return { cancelled: ids };
}
