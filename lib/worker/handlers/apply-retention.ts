// Once a day, deletes or anonymises what the retention policy no longer lets
// the portal keep (lib/retention, docs/decisions/013-retention.md).
import 'server-only';

import { z } from 'zod';

import { applyRetention } from '@/lib/retention/apply-retention';

import { defineJob } from '../../jobs/define-job';

export const applyRetentionJob = defineJob({
  name: 'retention.apply',
  payload: z.object({}).passthrough(),
  // 15:30 UTC: 02:30 in Sydney in summer (AEDT), 01:30 in winter (AEST). Quiet either way.
  cron: '30 15 * * *',
  retryLimit: 3,
  retryDelaySeconds: 600,
  // Batched statements finish in minutes even on a large database; longer means the worker died.
  expireInSeconds: 60 * 60,
  handler: async () => {
    await applyRetention();
  },
});
