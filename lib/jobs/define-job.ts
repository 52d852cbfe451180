// A job is defined once: its queue name, the zod schema of its payload and
// its handler. Payloads are validated; a malformed one fails without retry.
import 'server-only';

import type { z } from 'zod';

export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  payload: S;
  handler: (payload: z.output<S>, meta: { jobId: string; retryCount: number }) => Promise<void>;
  /** Cron expression (UTC) for jobs the worker schedules itself. */
  cron?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** Longest wait between retries (backoff doubles the delay each time). */
  retryDelayMaxSeconds?: number;
  /** A job still active after this long is taken as lost (its worker died) and retried. */
  expireInSeconds?: number;
  /** Jobs a worker may run at once. */
  concurrency?: number;
  /**
   * Jobs fetched per query, each handled and settled on its own. For queues
   * that can hold thousands of due jobs at once (reminders): one query per job
   * would make the database the bottleneck.
   */
  batchSize?: number;
  /** Wake workers by LISTEN/NOTIFY the moment a job is sent, rather than at their next poll. */
  notify?: boolean;
  /** Seconds between polls when idle (default 2). */
  pollingIntervalSeconds?: number;
};

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

/** Thrown for a job that can never succeed; the worker fails it without retrying. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}
