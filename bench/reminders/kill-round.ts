// The kill round: workers killed (SIGKILL, the whole tree) and replaced while
// reminders fall due, some of whose WhatsApp messages fail.
import type { ChildProcess } from 'node:child_process';

import { db } from '@/lib/db/client';

import { enqueueSendJobs, mobile, seedDueReminders } from './due-reminders';
import { control, failWhatsAppOnce, type Outbox } from './emulator-process';
import { fallbackLatencies, percentile, say, smsAcceptedAt, waitFor } from './measure';
import { setUpRound, tearDownRound, type RoundSettings } from './round';
import { killWorker, startWorker, stopWorker } from './worker-processes';

/** How the kill round runs: reminders due over a window, kills at an interval, a share of WhatsApp failures. */
export type KillOptions = { reminders: number; spreadMs: number; killEveryMs: number; failShare: number };

/** Reminders falling due while workers are killed and replaced: fallback times, duplicates, lost reminders. */
export async function killRound(
  settings: RoundSettings,
  { reminders: n, spreadMs, killEveryMs, failShare }: KillOptions,
) {
  const { latencyMs } = settings;
  const round = await setUpRound(settings, 100);
  const workers: ChildProcess[] = [];
  try {
    await seedDueReminders(n, 1);
    // Spread over the window so that kills land on a steady flow of sends, as on a working morning.
    const start = Date.now() + 5_000;
    const dueAt = (i: number) => new Date(start + Math.round(((i - 1) * spreadMs) / n));
    await db().$executeRaw`
      UPDATE "Reminder"
      SET "dueAt" = to_timestamp(${start / 1000}::float8 + (substr("id", 3)::int - 1) * ${spreadMs / 1000 / n}::float8) AT TIME ZONE 'UTC'
      WHERE "id" LIKE 'br%'`;
    // Every k-th patient's WhatsApp message fails in its status callback (once: the SMS goes through).
    const every = Math.max(1, Math.round(1 / failShare));
    const failing = new Set<number>();
    for (let i = 1; i <= n; i += every) {
      failing.add(i);
      await failWhatsAppOnce(round.emulator.url, mobile(i));
    }
    await enqueueSendJobs(round.url, n, 1, dueAt);
    workers.push(...(await Promise.all([startWorker(round.workerEnv), startWorker(round.workerEnv)])));
    say(
      `kills: ${n} reminders due over ${spreadMs / 1000} s, ${failing.size} WhatsApp failures, a worker killed every ${killEveryMs / 1000} s`,
    );
    // Kill one of the two workers (its whole process tree) and start another, until the last is due.
    let kills = 0;
    while (Date.now() < start + spreadMs) {
      await new Promise((r) => setTimeout(r, killEveryMs));
      const victim = workers.splice(Math.floor(Math.random() * workers.length), 1)[0]!;
      await killWorker(victim);
      kills++;
      workers.push(await startWorker(round.workerEnv));
    }
    say(
      `kills: ${kills} workers killed; waiting for every reminder to settle (a lost job waits out its expiry)`,
    );
    const settled = async () => {
      const [row] = await db().$queryRaw<{ done: number }[]>`
        SELECT count(*)::int AS "done" FROM "Reminder" r
        WHERE r."id" LIKE 'br%' AND r."status" IN ('SENT', 'DELIVERED', 'FAILED')
          AND NOT EXISTS (SELECT 1 FROM "ReminderMessage" m WHERE m."reminderId" = r."id" AND m."status" IN ('CLAIMED', 'UNCERTAIN', 'RETRY'))`;
      const sms = await db().reminderMessage.count({ where: { channel: 'SMS', twilioSid: { not: null } } });
      return (row?.done ?? 0) >= n && sms >= failing.size;
    };
    await waitFor(settled, 600_000).catch(() => say('kills: not everything settled within 10 minutes'));
    const outbox = await control<Outbox>(round.emulator.url, '/messages');
    const perTo = new Map<string, number>();
    for (const m of outbox) perTo.set(m.to, (perTo.get(m.to) ?? 0) + 1);
    const smsAt = smsAcceptedAt(outbox);
    // Lost: a failing patient with no SMS, or any other with no WhatsApp message.
    let lost = 0;
    for (let i = 1; i <= n; i++) {
      const channelTo = failing.has(i) ? mobile(i) : `whatsapp:${mobile(i)}`;
      if (!perTo.has(channelTo)) lost++;
    }
    const latencies = fallbackLatencies(round.failureSeenAt, smsAt);
    const statuses = await db().$queryRaw<{ status: string; count: number }[]>`
      SELECT "status"::text AS "status", count(*)::int AS "count" FROM "Reminder" WHERE "id" LIKE 'br%' GROUP BY 1 ORDER BY 1`;
    return {
      latencyMs,
      reminders: n,
      kills,
      whatsappFailures: failing.size,
      fallbacks: latencies.length,
      duplicates: [...perTo.values()].filter((c) => c > 1).length,
      lost,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      maxMs: latencies.at(-1),
      // Fallbacks a kill held up (its job or its WhatsApp send was on the killed worker).
      over2s: latencies.filter((v) => v >= 2000).length,
      reminderStatuses: Object.fromEntries(statuses.map((r) => [r.status, r.count])),
    };
  } finally {
    await Promise.all(workers.map(stopWorker));
    await tearDownRound(round);
  }
}
