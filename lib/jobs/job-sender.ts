// Sending jobs from a process that does not work queues (the web server, where
// booking an appointment schedules its reminders). One pg-boss instance per
// process, started on first use, without maintenance or cron: those are the
// workers' job. Queues are created here too, with the same settings the worker
// gives them, so a job sent before any worker has started is not refused.
import 'server-only';

import { databaseUrl } from '@/lib/db/client';

import { createBoss, queueOptions, type Boss, type QueueSpec } from './boss';

type SenderState = { url: string; boss: Promise<Boss>; queues: Map<string, Promise<void>> };

const globalForJobs = globalThis as unknown as { telehealthJobSender?: SenderState };

async function start(url: string): Promise<Boss> {
  // Status callbacks arrive in bursts, and each WhatsApp failure queues its fallback here.
  const boss = createBoss(url, { sendOnly: true, max: 10 });
  await boss.start();
  return boss;
}

/** The process's sending instance, with `job`'s queue ready. */
export async function jobSender(job: QueueSpec): Promise<Boss> {
  const url = databaseUrl();
  let state = globalForJobs.telehealthJobSender;
  if (!state || state.url !== url) {
    state = { url, boss: start(url), queues: new Map() };
    globalForJobs.telehealthJobSender = state;
    // A failed start is not cached: the next call tries again.
    state.boss.catch(() => {
      if (globalForJobs.telehealthJobSender === state) globalForJobs.telehealthJobSender = undefined;
    });
  }
  const boss = await state.boss;
  let queue = state.queues.get(job.name);
  if (!queue) {
    queue = boss.createQueue(job.name, queueOptions(job));
    state.queues.set(job.name, queue);
    queue.catch(() => state.queues.delete(job.name));
  }
  await queue;
  return boss;
}

/** For scripts and tests that end: closes the sending instance's connections. */
export async function stopJobSender(): Promise<void> {
  const state = globalForJobs.telehealthJobSender;
  globalForJobs.telehealthJobSender = undefined;
  if (!state) return;
  const boss = await state.boss.catch(() => null);
  await boss?.stop({ graceful: false, timeout: 2000 });
}
