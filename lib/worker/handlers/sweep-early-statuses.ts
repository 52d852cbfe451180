// Every minute: applies status callbacks held on claims whose worker died
// before writing the SID, and re-queues lost SMS fallbacks
// (lib/reminders/status/sweep-early-statuses.ts). Apart from the main sweep so that
// a slow Twilio lookup there never delays it.
import 'server-only';

import { z } from 'zod';

import { log } from '@/lib/log/logger';
import { sweepEarlyStatusesQueue } from '@/lib/jobs/reminder-queues';
import { sweepEarlyStatuses } from '@/lib/reminders/status/sweep-early-statuses';

import { defineJob } from '../../jobs/define-job';

export const sweepEarlyStatusesJob = defineJob({
  ...sweepEarlyStatusesQueue,
  payload: z.object({}).passthrough(),
  handler: async () => {
    const result = await sweepEarlyStatuses();
    if (result.adopted || result.requeued) log.info('reminders.sweep_early', result);
  },
});
