// pg-boss on the portal's own PostgreSQL (the embedded server in development).
// Several workers on several machines share the queues through the database.
import 'server-only';

import { PgBoss } from 'pg-boss';

import { databaseUrl } from '@/lib/db/client';
import { errorFields, log } from '@/lib/log/logger';

import { PermanentJobError, type JobDefinition } from './define-job';

export function createBoss(
  connectionString = databaseUrl(),
  options: { pollingIntervalSeconds?: number } = {},
) {
  const boss = new PgBoss({ connectionString, schema: 'pgboss', max: 5, ...options });
  boss.on('error', (err) => log.error('jobs.boss_error', errorFields(err)));
  return boss;
}

export type Boss = ReturnType<typeof createBoss>;

/** Creates each job's queue and starts working it; schedules cron jobs. */
export async function startWorking(
  boss: Boss,
  definitions: JobDefinition[],
  options: { pollingIntervalSeconds?: number } = {},
): Promise<void> {
  for (const job of definitions) {
    await boss.createQueue(job.name, {
      retryLimit: job.retryLimit ?? 5,
      retryDelay: job.retryDelaySeconds ?? 5,
      retryBackoff: true,
    });
    await boss.work<unknown>(
      job.name,
      {
        batchSize: 1,
        localConcurrency: job.concurrency ?? 1,
        pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
      },
      async ([raw]) => {
        if (!raw) return;
        const parsed = job.payload.safeParse(raw.data);
        if (!parsed.success) {
          log.error('jobs.invalid_payload', { job: job.name, jobId: raw.id });
          // A malformed payload will not get better: record why, then cancel so it is never retried.
          await boss.fail(job.name, raw.id, { reason: 'invalid payload' });
          await boss.cancel(job.name, raw.id);
          return;
        }
        try {
          await job.handler(parsed.data, { jobId: raw.id, retryCount: raw.retryCount });
        } catch (err) {
          log.warn('jobs.handler_failed', {
            job: job.name,
            jobId: raw.id,
            retryCount: raw.retryCount,
            ...errorFields(err),
          });
          if (err instanceof PermanentJobError) {
            await boss.fail(job.name, raw.id, { reason: err.message });
            await boss.cancel(job.name, raw.id);
            return;
          }
          throw err;
        }
      },
    );
    if (job.cron) await boss.schedule(job.name, job.cron, {});
  }
}
