// Puts a reminder's send job on the queue for its due time. One waiting job
// per reminder: upsert by singletonKey moves the existing job when the
// reminder moves, so a reschedule never leaves the old job to fire too (and
// the handler checks the reminder's time anyway). Safe to call again: the
// sweep re-enqueues anything overdue, and the send itself is idempotent.
import 'server-only';

import { db } from '@/lib/db/client';
import { jobSender } from '@/lib/jobs/job-sender';
import { errorFields, log } from '@/lib/log/logger';

import { REMINDER_PRIORITY, sendReminderQueue } from '../../jobs/reminder-queues';

export async function enqueueReminder(
  reminderId: string,
  dueAt: Date,
  priority: number = REMINDER_PRIORITY.scheduled,
): Promise<string | null> {
  const boss = await jobSender(sendReminderQueue);
  const result = await boss.upsert(
    sendReminderQueue.name,
    { reminderId },
    { singletonKey: reminderId, startAfter: dueAt, priority },
  );
  return result.jobs[0] ?? null;
}

/**
 * After a commit: enqueue and note the job id on the row. A failure here is
 * logged, not thrown: the reminder row is saved and the sweep will enqueue it.
 */
export async function enqueueReminders(
  items: { id: string; dueAt: Date }[],
  priority: number = REMINDER_PRIORITY.scheduled,
): Promise<void> {
  for (const item of items) {
    try {
      const jobId = await enqueueReminder(item.id, item.dueAt, priority);
      if (jobId) await db().reminder.update({ where: { id: item.id }, data: { jobId } });
    } catch (err) {
      log.error('reminders.enqueue_failed', { reminderId: item.id, ...errorFields(err) });
    }
  }
}

/** Best effort: the handler ignores a job for a reminder that is no longer due. */
export async function cancelReminderJob(jobId: string | null): Promise<void> {
  if (!jobId) return;
  try {
    const boss = await jobSender(sendReminderQueue);
    await boss.cancel(sendReminderQueue.name, jobId);
  } catch (err) {
    log.warn('reminders.job_cancel_failed', { jobId, ...errorFields(err) });
  }
}
