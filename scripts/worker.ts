// npm run worker — the background job worker (pg-boss). Run one or more on
// any machine that reaches the database; they share the queues through it.
// `npm run dev` starts one beside the web server.
//
// `npm run worker` passes --default-env=production: like `npm start`, it checks
// the environment as production unless NODE_ENV says otherwise, and exits 1
// naming each missing or malformed variable before it touches the database.
// `npm run dev` and the tools that start workers set NODE_ENV themselves.
// package.json execs node on this file, so SIGTERM sent to `npm run worker`'s PID reaches it.
import { disconnectDb } from '@/lib/db/client';
import { resolveDatabase } from '@/tools/local-database';
import { envOrExit, setEnvForThisProcess } from '@/lib/env';
import { createBoss, startWorking } from '@/lib/jobs/boss';
import { jobs } from '@/lib/worker/registry';
import { log } from '@/lib/log/logger';

envOrExit(
  'The worker',
  process.argv.includes('--default-env=production') ? { defaultNodeEnv: 'production' } : {},
);

const target = await resolveDatabase((m) => log.info('worker.database', { message: m }));
setEnvForThisProcess('DATABASE_URL', target.url);

const boss = createBoss(target.url);
await boss.start();
await startWorking(boss, jobs);
log.info('worker.started', { jobs: jobs.map((j) => j.name).join(',') });

// A stop (SIGTERM from systemd or a process manager, Ctrl-C) is bounded: pg-boss stops fetching at
// once, waits for the jobs in hand, and after JOB_GRACE_MS fails the ones still running so another
// worker retries them (a re-run is safe: docs/decisions/005-reminders-at-most-once.md). If anything
// still holds the process at STOP_BOUND_MS, it exits anyway, logged.
const JOB_GRACE_MS = 20_000;
const STOP_BOUND_MS = 30_000;
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  log.info('worker.stopping', { signal });
  setTimeout(() => {
    log.warn('worker.forced_stop', { signal, ms: elapsed(), boundMs: STOP_BOUND_MS });
    process.exit(1);
  }, STOP_BOUND_MS).unref();
  await boss.stop({ graceful: true, timeout: JOB_GRACE_MS });
  await disconnectDb();
  await target.embedded?.stop();
  log.info('worker.stopped', { signal, ms: elapsed() });
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
