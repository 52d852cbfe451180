// Every minute: the safety net under the queue. Enqueues (again) any reminder
// that should be moving but has no job doing it: an enqueue that failed after
// its booking committed, a job whose retries ran out during a long Twilio
// outage, a claim abandoned by a dead worker, a fallback whose job was lost.
// Enqueueing too often is harmless (one waiting job per reminder, and the send
// itself is idempotent). Also asks Twilio about messages whose callbacks never
// came (our server was unreachable when Twilio called).
import 'server-only';

import { db } from '@/lib/db/client';
import { errorFields, log } from '@/lib/log/logger';
import type { TwilioClient } from '@/lib/twilio/client';
import { fetchMessageStatus } from '@/lib/twilio/fetch-message';

import { applyMessageStatus, statusTargetSelect } from '../status/apply-message-status';
import { SETTLE_MS } from '../sending/claim-timing';
import { enqueueReminder } from './enqueue-reminder';

const GRACE_MS = 60_000;
const SILENT_AFTER_MS = 10 * 60_000;
// Longer than pg-boss's own backoff between retries, so the sweep does not cut a backoff short.
const RETRY_STALE_MS = 15 * 60_000;
const BATCH = 500;

export async function sweepReminders(
  now: Date = new Date(),
  options: { client?: TwilioClient } = {},
): Promise<{ requeued: number; refreshed: number }> {
  const before = (ms: number) => new Date(now.getTime() - ms);
  const inFlight = ['CLAIMED', 'UNCERTAIN', 'RETRY'] as const;
  const [overdue, stuck, waiting] = await Promise.all([
    // Due a minute ago and not started: its job was never queued, or was lost.
    db().reminder.findMany({
      where: { status: 'SCHEDULED', dueAt: { lte: before(GRACE_MS) } },
      select: { id: true },
      take: BATCH,
    }),
    // A claim nobody resolved: its worker died (CLAIMED/UNCERTAIN past the settle window), or its
    // job ran out of retries during a long outage (RETRY untouched for RETRY_STALE_MS).
    db().reminderMessage.findMany({
      where: {
        reminder: { status: { in: ['SCHEDULED', 'SENDING'] } },
        OR: [
          { status: { in: ['CLAIMED', 'UNCERTAIN'] }, claimedAt: { lte: before(SETTLE_MS) } },
          { status: 'RETRY', updatedAt: { lte: before(RETRY_STALE_MS) } },
        ],
      },
      select: { reminderId: true },
      take: BATCH,
    }),
    // Waiting for its SMS fallback with nothing in flight: the fallback job was lost.
    db().reminder.findMany({
      where: {
        status: 'SENDING',
        updatedAt: { lte: before(SETTLE_MS) },
        messages: { none: { status: { in: [...inFlight] } } },
      },
      select: { id: true },
      take: BATCH,
    }),
  ]);
  const ids = new Set([
    ...overdue.map((r) => r.id),
    ...stuck.map((m) => m.reminderId),
    ...waiting.map((r) => r.id),
  ]);
  for (const id of ids) await enqueueReminder(id, now);

  // Still "queued" long after Twilio took it: no callback ever reached us.
  const silent = await db().reminderMessage.findMany({
    where: {
      status: 'QUEUED',
      twilioSid: { not: null },
      acceptedAt: { lte: before(SILENT_AFTER_MS), gte: before(3 * 86_400_000) },
    },
    select: { ...statusTargetSelect, twilioSid: true },
    orderBy: { acceptedAt: 'asc' },
    take: 50,
  });
  let refreshed = 0;
  for (const row of silent) {
    try {
      const current = await fetchMessageStatus(row.twilioSid!, options.client);
      if (await applyMessageStatus(row, current.status, current.errorCode, now)) refreshed++;
    } catch (err) {
      log.warn('reminders.status_refresh_failed', { messageId: row.id, ...errorFields(err) });
    }
  }
  return { requeued: ids.size, refreshed };
}
