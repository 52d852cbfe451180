// Every minute: re-enqueues reminders that lost their job and refreshes
// messages whose status callbacks never arrived (lib/reminders/scheduling/sweep-reminders.ts).
import 'server-only';

import { z } from 'zod';

import { log } from '@/lib/log/logger';
import { sweepRemindersQueue } from '@/lib/jobs/reminder-queues';
import { sweepReminders } from '@/lib/reminders/scheduling/sweep-reminders';

import { defineJob } from '../../jobs/define-job';

export const sweepRemindersJob = defineJob({
  ...sweepRemindersQueue,
  payload: z.object({}).passthrough(),
  handler: async () => {
    const result = await sweepReminders();
    if (result.requeued || result.refreshed) log.info('reminders.sweep', result);
  },
});
