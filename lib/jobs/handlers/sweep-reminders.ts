// Every minute: re-enqueues reminders that lost their job and refreshes
// messages whose status callbacks never arrived (lib/reminders/sweep-reminders.ts).
import 'server-only';

import { z } from 'zod';

import { log } from '@/lib/log/logger';
import { sweepRemindersQueue } from '@/lib/reminders/reminder-queues';
import { sweepReminders } from '@/lib/reminders/sweep-reminders';

import { defineJob } from '../define-job';

export const sweepRemindersJob = defineJob({
  ...sweepRemindersQueue,
  payload: z.object({}).passthrough(),
  handler: async () => {
    const result = await sweepReminders();
    if (result.requeued || result.refreshed) log.info('reminders.sweep', result);
  },
});
