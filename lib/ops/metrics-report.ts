// What GET /api/metrics reports. Request counts and open streams are this
// process's own; reminders and the job queue are read from the database at
// scrape time (cheap aggregates on indexed columns), so every instance reports
// the same figures for them.
import 'server-only';

import { db } from '@/lib/db/client';
import { jobQueueDepths, messageStatusCounts } from '@/lib/db/queries/ops';
import { runQuery } from '@/lib/db/queries/run-query';

import { requestCounts, webhookSignatureFailureCounts } from './metrics';
import type { MetricFamily } from './prometheus';
import { openStreamCount } from './shutdown';

export async function collectMetrics(now: Date = new Date()): Promise<MetricFamily[]> {
  const [messages, queues] = await Promise.all([
    runQuery(db(), messageStatusCounts, []),
    // Waiting jobs (created or retry) per queue, and how long the oldest one already due has waited.
    runQuery(db(), jobQueueDepths, [now]),
  ]);
  const sent = new Set(['QUEUED', 'SENT', 'DELIVERED', 'READ']);
  const failed = new Set(['UNDELIVERED', 'FAILED']);
  let sentCount = 0;
  let failedCount = 0;
  let fallbackCount = 0;
  const byStatus = new Map<string, number>();
  for (const row of messages) {
    const count = Number(row.count);
    byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + count);
    if (sent.has(row.status)) sentCount += count;
    if (failed.has(row.status)) failedCount += count;
    if (row.isFallback) fallbackCount += count;
  }
  return [
    {
      name: 'telehealth_http_requests_total',
      help: 'Requests answered by this instance, by route name and status.',
      type: 'counter',
      samples: requestCounts().map(({ route, status, count }) => ({
        labels: { route, status },
        value: count,
      })),
    },
    {
      name: 'telehealth_webhook_signature_failures_total',
      help: 'Twilio webhooks refused by this instance because the signature was missing or wrong.',
      type: 'counter',
      samples: webhookSignatureFailureCounts().map(({ route, count }) => ({
        labels: { route },
        value: count,
      })),
    },
    {
      name: 'telehealth_reminder_messages',
      help: 'Reminder messages in the database, by status.',
      type: 'gauge',
      samples: [...byStatus].map(([status, value]) => ({ labels: { status }, value })),
    },
    {
      name: 'telehealth_reminders_sent',
      help: 'Reminder messages Twilio accepted (queued, sent, delivered or read).',
      type: 'gauge',
      samples: [{ value: sentCount }],
    },
    {
      name: 'telehealth_reminders_failed',
      help: 'Reminder messages that failed or were undelivered.',
      type: 'gauge',
      samples: [{ value: failedCount }],
    },
    {
      name: 'telehealth_reminders_fell_back',
      help: 'Reminder messages sent by SMS because WhatsApp failed first.',
      type: 'gauge',
      samples: [{ value: fallbackCount }],
    },
    {
      name: 'telehealth_job_queue_depth',
      help: 'Jobs waiting in each queue (created or retry).',
      type: 'gauge',
      samples: queues.map((q) => ({ labels: { queue: q.name }, value: Number(q.depth) })),
    },
    {
      name: 'telehealth_job_queue_oldest_due_seconds',
      help: 'How long the oldest job already due in each queue has waited, in seconds (0 when none is due).',
      type: 'gauge',
      samples: queues.map((q) => ({
        labels: { queue: q.name },
        value: Math.max(0, q.oldest_due_seconds ?? 0),
      })),
    },
    {
      name: 'telehealth_event_streams_open',
      help: 'Server-sent event streams open on this instance.',
      type: 'gauge',
      samples: [{ value: openStreamCount() }],
    },
  ];
}
