// The throughput round: a burst of due reminders drained by one or two workers.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

import { db } from '@/lib/db/client';

import { cpuMs, postgresCpuMs } from './cpu-time';
import { enqueueSendJobs, seedDueReminders } from './due-reminders';
import { control, type Outbox } from './emulator-process';
import { round2, say, waitFor } from './measure';
import { setUpRound, tearDownRound, type RoundSettings } from './round';
import { startWorker, stopWorker } from './worker-processes';

/** `count` reminders due now, drained by `workers` workers: time, rate, duplicates and CPU time per message. */
export async function throughputRound(settings: RoundSettings, workers: number, count: number) {
  const { latencyMs } = settings;
  // Delivery reports come later than the drain (as they do from handsets): the web tier answers
  // status callbacks, not the workers, and on this machine they would share the same two cores.
  const round = await setUpRound(settings, 120_000);
  try {
    await seedDueReminders(count, 1);
    await enqueueSendJobs(round.url, count, 1);
    say(
      `${workers} worker(s), Twilio latency ${latencyMs} ms: ${count} reminders due, jobs queued; starting workers`,
    );
    const started = Date.now();
    const children = await Promise.all(Array.from({ length: workers }, () => startWorker(round.workerEnv)));
    const ready = Date.now();
    const database = new URL(round.url).pathname.slice(1);
    const cpuBefore = {
      workers: children.reduce((t, c) => t + cpuMs(c.pid), 0),
      emulator: cpuMs(round.emulator.child.pid),
      postgres: postgresCpuMs(database),
      portal: process.cpuUsage(),
    };
    await waitFor(
      async () => (await db().reminderMessage.count({ where: { twilioSid: { not: null } } })) >= count,
      600_000,
    );
    const portalCpu = process.cpuUsage(cpuBefore.portal);
    const cpuMsPerMessage = {
      workers: round2((children.reduce((t, c) => t + cpuMs(c.pid), 0) - cpuBefore.workers) / count),
      emulator: round2((cpuMs(round.emulator.child.pid) - cpuBefore.emulator) / count),
      postgres: round2((postgresCpuMs(database) - cpuBefore.postgres) / count),
      // This process: the webhook routes (status callbacks) and the progress polling.
      portal: round2((portalCpu.user + portalCpu.system) / 1000 / count),
    };
    const loadAverage = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    const outbox = await control<Outbox>(round.emulator.url, '/messages');
    const times = outbox.map((m) => Date.parse(m.dateCreated)).sort((a, b) => a - b);
    const last = times.at(-1)!;
    const unique = new Set(outbox.map((m) => m.to)).size;
    await Promise.all(children.map(stopWorker));
    return {
      workers,
      latencyMs,
      accepted: outbox.length,
      duplicates: outbox.length - unique,
      claims: await db().reminderMessage.count(),
      startupMs: ready - started,
      drainMs: last - ready,
      firstToLastMs: last - times[0]!,
      perSecond: Math.round((outbox.length / (last - ready)) * 1000),
      // What the machine's cores must supply per message, by process; and how busy the machine was.
      cpuMsPerMessage,
      // The most this machine could send if every core did nothing else: cores / CPU time per message.
      cpuCeilingPerSecond: Math.round(
        (availableParallelism() * 1000) / Object.values(cpuMsPerMessage).reduce((t, v) => t + v, 0),
      ),
      loadAverage,
    };
  } finally {
    await tearDownRound(round);
  }
}
