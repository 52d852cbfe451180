// What the readiness probe and the metrics scrape read (lib/ops/).
import 'server-only';

import type { ReminderMessage } from '@/lib/db/generated/client';

import { defineQuery } from './define-query';

export const databaseAnswers = defineQuery<{ ok: number }>('database-answers', `SELECT 1 AS ok`, {
  ok: 'int4',
});

/** The migrations applied and finished (null when none). */
export const appliedMigrations = defineQuery<{ applied: string[] | null }>(
  'applied-migrations',
  `
            SELECT array_agg(migration_name) AS applied FROM _prisma_migrations
            WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  { applied: '_varchar' },
);

/** Whether pg-boss has created its tables. */
export const jobQueuePresent = defineQuery<{ present: boolean }>(
  'job-queue-present',
  `
            SELECT to_regclass('pgboss.job') IS NOT NULL AND to_regclass('pgboss.queue') IS NOT NULL AS present`,
  { present: 'bool' },
);

export type MessageStatusCountRow = Pick<ReminderMessage, 'isFallback' | 'status'> & { count: bigint };

export const messageStatusCounts = defineQuery<MessageStatusCountRow>(
  'message-status-counts',
  `
      SELECT status::text AS status, "isFallback", count(*) AS count
      FROM "ReminderMessage" GROUP BY status, "isFallback"`,
  { status: 'text', isFallback: 'bool', count: 'int8' },
);

/** pg-boss's own table, not one of ours: its row type is written here by hand. */
export type JobQueueDepthRow = { name: string; depth: bigint; oldest_due_seconds: number | null };

/** $1 now: waiting jobs (created or retry) per queue, and how long the oldest one already due has waited. */
export const jobQueueDepths = defineQuery<JobQueueDepthRow>(
  'job-queue-depths',
  `
      SELECT name, count(*) AS depth,
             EXTRACT(EPOCH FROM ($1::timestamptz - min(start_after) FILTER (WHERE start_after <= $1::timestamptz)))::float8 AS oldest_due_seconds
      FROM pgboss.job WHERE state IN ('created', 'retry') GROUP BY name`,
  { name: 'text', depth: 'int8', oldest_due_seconds: 'float8' },
);
