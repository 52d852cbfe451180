// npm run worker — the background job worker (pg-boss). Run one or more on
// any machine that reaches the database; they share the queues through it.
// `npm run dev` starts one beside the web server.
//
// `npm run worker` passes --default-env=production: like `npm start`, it checks
// the environment as production unless NODE_ENV says otherwise, and exits 1
// naming each missing or malformed variable before it touches the database.
// `npm run dev` and the tools that start workers set NODE_ENV themselves.
import { disconnectDb } from '@/lib/db/client';
import { resolveDatabase } from '@/lib/db/local-database';
import { envOrExit, setEnvForThisProcess } from '@/lib/env';
import { createBoss, startWorking } from '@/lib/jobs/boss';
import { jobs } from '@/lib/jobs/registry';
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

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info('worker.stopping', { signal });
  // Let running jobs finish (up to 30 s) so nothing is sent twice or half-done.
  await boss.stop({ graceful: true, timeout: 30_000 });
  await disconnectDb();
  await target.embedded?.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
