// pg-boss on the portal's own PostgreSQL (the embedded server in development).
// Several workers on several machines share the queues through the database.
import 'server-only';

import { PgBoss } from 'pg-boss';

import { databaseUrl } from '@/lib/db/client';
import { errorFields, log } from '@/lib/log/logger';

import { PermanentJobError, type JobDefinition } from './define-job';

export function createBoss(
  connectionString = databaseUrl(),
  options: { pollingIntervalSeconds?: number; max?: number; sendOnly?: boolean } = {},
) {
  const { sendOnly = false, ...rest } = options;
  const boss = new PgBoss({
    connectionString,
    schema: 'pgboss',
    max: 5,
    // Workers listen so notify queues start a job the moment it is sent (an SMS fallback).
    useListenNotify: !sendOnly,
    // A process that only sends jobs (the web server) leaves maintenance and cron to the workers.
    ...(sendOnly ? { supervise: false, schedule: false } : {}),
    ...rest,
  });
  boss.on('error', (err) => log.error('jobs.boss_error', errorFields(err)));
  return boss;
}

export type Boss = ReturnType<typeof createBoss>;

/** The queue settings of a job: the same wherever the queue is created (worker or sender). */
export type QueueSpec = { name: string } & Pick<
  JobDefinition,
  'retryLimit' | 'retryDelaySeconds' | 'retryDelayMaxSeconds' | 'expireInSeconds' | 'notify'
>;

export function queueOptions(job: QueueSpec) {
  return {
    retryLimit: job.retryLimit ?? 5,
    retryDelay: job.retryDelaySeconds ?? 5,
    retryBackoff: true,
    ...(job.retryDelayMaxSeconds ? { retryDelayMax: job.retryDelayMaxSeconds } : {}),
    ...(job.expireInSeconds ? { expireInSeconds: job.expireInSeconds } : {}),
    ...(job.notify ? { notify: true } : {}),
  };
}

type RawJob = { id: string; data: unknown; retryCount: number };
type Settled = { id: string; status: 'completed' | 'failed' | 'deadletter'; output?: object };

/**
 * Parses the payload and runs the handler. A malformed payload or a permanent
 * error will not get better: it comes back as `deadletter`, never to be retried.
 */
type Outcome = { done: true } | { done: false; deadletter: string } | { done: false; error: unknown };

async function runJob(job: JobDefinition, raw: RawJob): Promise<Outcome> {
  const parsed = job.payload.safeParse(raw.data);
  if (!parsed.success) {
    log.error('jobs.invalid_payload', { job: job.name, jobId: raw.id });
    return { done: false, deadletter: 'invalid payload' };
  }
  try {
    await job.handler(parsed.data, { jobId: raw.id, retryCount: raw.retryCount });
    return { done: true };
  } catch (err) {
    log.warn('jobs.handler_failed', {
      job: job.name,
      jobId: raw.id,
      retryCount: raw.retryCount,
      ...errorFields(err),
    });
    return err instanceof PermanentJobError
      ? { done: false, deadletter: err.message }
      : { done: false, error: err };
  }
}

/** Runs one job of a batch and says how to settle it. */
async function runOne(job: JobDefinition, raw: RawJob): Promise<Settled> {
  const outcome = await runJob(job, raw);
  if (outcome.done) return { id: raw.id, status: 'completed' };
  if ('deadletter' in outcome)
    return { id: raw.id, status: 'deadletter', output: { reason: outcome.deadletter } };
  const reason = outcome.error instanceof Error ? outcome.error.name : 'error';
  return { id: raw.id, status: 'failed', output: { reason } };
}

/** Creates each job's queue and starts working it; schedules cron jobs. */
export async function startWorking(
  boss: Boss,
  definitions: JobDefinition[],
  options: { pollingIntervalSeconds?: number } = {},
): Promise<void> {
  for (const job of definitions) {
    await boss.createQueue(job.name, queueOptions(job));
    if ((job.batchSize ?? 1) > 1) {
      await boss.work<unknown>(
        job.name,
        {
          batchSize: job.batchSize,
          localConcurrency: job.concurrency ?? 1,
          pollingIntervalSeconds: options.pollingIntervalSeconds ?? job.pollingIntervalSeconds ?? 2,
          // NOTIFY wakes a worker for a job sent to run now, but not for one whose startAfter (a
          // reminder's due time, a retry's backoff) arrives later: keep polling at the same pace.
          notifyPollingIntervalSeconds: options.pollingIntervalSeconds ?? job.pollingIntervalSeconds ?? 2,
          burstWhenBatchFull: true,
          perJobResults: true,
        },
        (raws) => Promise.all(raws.map((raw) => runOne(job, raw))),
      );
      if (job.cron) await boss.schedule(job.name, job.cron, {});
      continue;
    }
    await boss.work<unknown>(
      job.name,
      {
        batchSize: 1,
        localConcurrency: job.concurrency ?? 1,
        pollingIntervalSeconds: options.pollingIntervalSeconds ?? job.pollingIntervalSeconds ?? 2,
      },
      async ([raw]) => {
        if (!raw) return;
        const outcome = await runJob(job, raw);
        if (outcome.done) return;
        if (!('deadletter' in outcome)) throw outcome.error;
        // Record why, then cancel so it is never retried.
        await boss.fail(job.name, raw.id, { reason: outcome.deadletter });
        await boss.cancel(job.name, raw.id);
      },
    );
    if (job.cron) await boss.schedule(job.name, job.cron, {});
  }
}
