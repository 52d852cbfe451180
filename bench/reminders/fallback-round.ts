// The fallback round: WhatsApp failures turning into SMS fallbacks.
import { db } from '@/lib/db/client';

import { enqueueSendJobs, mobile, seedDueReminders } from './due-reminders';
import { control, failWhatsAppOnce, type Outbox } from './emulator-process';
import { fallbackLatencies, percentile, say, smsAcceptedAt, waitFor } from './measure';
import { setUpRound, tearDownRound, type RoundSettings } from './round';
import { startWorker, stopWorker } from './worker-processes';

/** `fallbacks` reminders whose WhatsApp fails in its status callback: how soon each SMS fallback follows. */
export async function fallbackRound(settings: RoundSettings, fallbacks: number) {
  const { latencyMs } = settings;
  const round = await setUpRound(settings, 100);
  try {
    await seedDueReminders(fallbacks, 1);
    for (let i = 1; i <= fallbacks; i++) {
      await failWhatsAppOnce(round.emulator.url, mobile(i));
    }
    const child = await startWorker(round.workerEnv);
    await enqueueSendJobs(round.url, fallbacks, 1);
    say(`fallback: ${fallbacks} reminders whose WhatsApp fails in its status callback`);
    await waitFor(
      async () =>
        (await db().reminderMessage.count({ where: { channel: 'SMS', twilioSid: { not: null } } })) >=
        fallbacks,
      300_000,
    );
    const outbox = await control<Outbox>(round.emulator.url, '/messages');
    const smsAt = smsAcceptedAt(outbox);
    const latencies = fallbackLatencies(round.failureSeenAt, smsAt);
    const perNumber = new Map<string, number>();
    for (const m of outbox) perNumber.set(m.to, (perNumber.get(m.to) ?? 0) + 1);
    // Where the time goes, from each reminder's timeline: failure recorded → fallback claimed (the
    // queue) → SMS accepted (the send).
    const steps = await db().$queryRaw<{ queued: number; sending: number }[]>`
      SELECT extract(epoch FROM (fb.at - f.at)) * 1000 AS "queued", extract(epoch FROM (s.at - fb.at)) * 1000 AS "sending"
      FROM "ReminderEvent" f
      JOIN "ReminderEvent" fb ON fb."reminderId" = f."reminderId" AND fb.type = 'FALLBACK'
      JOIN "ReminderEvent" s ON s."reminderId" = f."reminderId" AND s.type = 'SENT' AND s.channel = 'SMS'
      WHERE f.type = 'FAILED' AND f.channel = 'WHATSAPP'`;
    const queued = steps.map((r) => Number(r.queued)).sort((a, b) => a - b);
    const sending = steps.map((r) => Number(r.sending)).sort((a, b) => a - b);
    await stopWorker(child);
    return {
      latencyMs,
      fallbacks: latencies.length,
      smsSent: smsAt.size,
      duplicates: [...perNumber.values()].filter((n) => n > 1).length,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      maxMs: latencies.at(-1),
      breakdownP50Ms: {
        queue: Math.round(percentile(queued, 50)),
        send: Math.round(percentile(sending, 50)),
      },
      breakdownP95Ms: {
        queue: Math.round(percentile(queued, 95)),
        send: Math.round(percentile(sending, 95)),
      },
      // How spread out the failures arrived, and the callbacks' first-to-last handling time.
      callbackHandlingP50Ms: percentile(
        [...round.routeMs].sort((a, b) => a - b),
        50,
      ),
      callbacksSpreadMs: Math.round(
        Math.max(...round.failureSeenAt.values()) - Math.min(...round.failureSeenAt.values()),
      ),
    };
  } finally {
    await tearDownRound(round);
  }
}
