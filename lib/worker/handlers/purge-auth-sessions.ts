// Deletes sign-in sessions that ended more than a day ago, so the table holds
// only live sessions and a short trail for investigating a sign-in; and
// rate-limit buckets whose count and wait have both run out.
import 'server-only';

import { z } from 'zod';

import { db } from '@/lib/db/client';
import { log } from '@/lib/log/logger';
import { pruneRateLimitBuckets } from '@/lib/rate-limit/bucket-store';

import { defineJob } from '../../jobs/define-job';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function purgeAuthSessions(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - DAY_MS);
  const { count } = await db().authSession.deleteMany({
    where: { OR: [{ expiresAt: { lt: cutoff } }, { revokedAt: { lt: cutoff } }] },
  });
  return count;
}

export const purgeAuthSessionsJob = defineJob({
  name: 'auth.purge-sessions',
  payload: z.object({}).passthrough(),
  cron: '17 * * * *',
  handler: async () => {
    const deleted = await purgeAuthSessions();
    const buckets = await pruneRateLimitBuckets();
    log.info('jobs.purge_auth_sessions', { deleted, rateLimitBuckets: buckets });
  },
});
