// What GET /api/ready checks: can this instance serve? The database answers,
// every migration in prisma/migrations is applied, the job queue's schema is
// there (a worker has started pg-boss on this database), and the configuration
// is valid. Each check reports only its name and ok/failing: no versions, host
// names or error texts reach an unauthenticated caller (failures are logged).
import 'server-only';

import { readdir } from 'node:fs/promises';
import path from 'node:path';

import { db } from '@/lib/db/client';
import { appliedMigrations, databaseAnswers, jobQueuePresent } from '@/lib/db/queries/ops';
import { runQuery } from '@/lib/db/queries/run-query';
import { env } from '@/lib/env';
import { errorFields, log } from '@/lib/log/logger';

export type ProbeName = 'configuration' | 'database' | 'migrations' | 'job_queue';
export type ProbeResult = { ready: boolean; checks: Record<ProbeName, 'ok' | 'failing'> };

/** Migration folders shipped with this build (names like 20261125030457_init). */
async function expectedMigrations(): Promise<string[]> {
  const dir = path.join(/*turbopackIgnore: true*/ process.cwd(), 'prisma', 'migrations');
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory() && /^\d{14}_/.test(e.name)).map((e) => e.name);
}

async function check(name: ProbeName, run: () => Promise<boolean>): Promise<boolean> {
  try {
    if (await run()) return true;
    log.warn('ops.not_ready', { check: name });
    return false;
  } catch (err) {
    log.warn('ops.not_ready', { check: name, ...errorFields(err) });
    return false;
  }
}

export async function probeReadiness(): Promise<ProbeResult> {
  const configuration = await check('configuration', async () => Boolean(env()));
  const database =
    configuration &&
    (await check('database', async () => (await runQuery(db(), databaseAnswers, [])) !== null));
  const [migrations, jobQueue] = database
    ? await Promise.all([
        check('migrations', async () => {
          const rows = await runQuery(db(), appliedMigrations, []);
          const applied = new Set(rows[0]?.applied ?? []);
          const expected = await expectedMigrations();
          return expected.length > 0 && expected.every((name) => applied.has(name));
        }),
        check('job_queue', async () => {
          const rows = await runQuery(db(), jobQueuePresent, []);
          return rows[0]?.present === true;
        }),
      ])
    : [false, false];
  const ok = (v: boolean): 'ok' | 'failing' => (v ? 'ok' : 'failing');
  return {
    ready: configuration && database && migrations && jobQueue,
    checks: {
      configuration: ok(configuration),
      database: ok(database),
      migrations: ok(migrations),
      job_queue: ok(jobQueue),
    },
  };
}

const MEMO_MS = 2_000;
let memo: { at: number; result: Promise<ProbeResult> } | undefined;

/**
 * The probe, remembered for two seconds by this process (readiness is per
 * instance anyway), so a proxy checking often costs the database little.
 */
export function readiness(now: () => number = Date.now): Promise<ProbeResult> {
  const at = now();
  if (memo && at - memo.at >= 0 && at - memo.at < MEMO_MS) return memo.result;
  const result = probeReadiness();
  memo = { at, result };
  return result;
}

/** Tests only. */
export function forgetReadiness(): void {
  memo = undefined;
}
