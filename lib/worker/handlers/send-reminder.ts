// Sends one due reminder (lib/reminders/sending/send-reminder.ts). A RetryReminderLater
// (429, timeout, a send still settling) fails the job so pg-boss retries it
// with backoff; the reminder's own rows make every retry safe.
import 'server-only';

import { z } from 'zod';

import { env } from '@/lib/env';
import { log } from '@/lib/log/logger';
import { sendReminderQueue } from '@/lib/jobs/reminder-queues';
import { sendReminder } from '@/lib/reminders/sending/send-reminder';

import { defineJob } from '../../jobs/define-job';

// REMINDER_SEND_CONCURRENCY Twilio calls in flight per worker: batches of up to 25 jobs per
// fetch, as many fetch loops as that takes.
const inFlight = env().REMINDER_SEND_CONCURRENCY;
const batchSize = Math.min(sendReminderQueue.batchSize, inFlight);

export const sendReminderJob = defineJob({
  ...sendReminderQueue,
  batchSize,
  concurrency: Math.ceil(inFlight / batchSize),
  payload: z.object({ reminderId: z.string().min(1).max(64) }),
  handler: async ({ reminderId }, meta) => {
    const outcome = await sendReminder(reminderId);
    log.debug('reminders.send', { reminderId, outcome, jobId: meta.jobId, retryCount: meta.retryCount });
  },
});
