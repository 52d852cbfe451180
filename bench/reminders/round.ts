// What every reminder bench round sets up and tears down: its database, its
// emulator, the portal's Twilio routes, and the environment for its workers.
import type { ChildProcess } from 'node:child_process';

import { POST as inboundRoute } from '@/app/api/twilio/messages/inbound/route';
import { POST as statusRoute } from '@/app/api/twilio/messages/status/route';
import { disconnectDb } from '@/lib/db/client';
import { childEnv, setEnvForThisProcess } from '@/lib/env';
import { stopJobSender } from '@/lib/jobs/job-sender';
import { createDatabase, dropDatabase, withDatabase } from '@/tests/helpers/database-admin';
import { startRouteServer, type RouteHandler, type RouteServer } from '@/tests/helpers/route-server';
import { applyMigrations } from '@/tools/migrate/apply-migrations';

import { creds, startEmulator } from './emulator-process';

async function freshDatabase(serverUrl: string): Promise<string> {
  const url = withDatabase(serverUrl, `tp_bench_${process.pid}_${Date.now().toString(36)}`);
  await createDatabase(serverUrl, new URL(url).pathname.slice(1));
  await applyMigrations(url);
  return url;
}

export interface Round {
  url: string;
  emulator: { url: string; child: ChildProcess };
  routes: RouteServer;
  failureSeenAt: Map<string, number>;
  /** How long the portal took to answer each WhatsApp failure callback (it queues the fallback). */
  routeMs: number[];
  workerEnv: NodeJS.ProcessEnv;
}

/** How each round's workers run: Twilio calls kept in flight each (the portal's default when unset), CPU profiles. */
export type WorkerOptions = { inFlight?: string; profileDir?: string };

/** What every round runs with: the PostgreSQL server for its database, Twilio's latency, its workers' options. */
export type RoundSettings = { serverUrl: string; latencyMs: number; workerOptions: WorkerOptions };

/**
 * A fresh database, a fresh emulator process, and the portal's status and
 * inbound routes served from this process (the status one timed).
 */
export async function setUpRound(
  { serverUrl, latencyMs, workerOptions }: RoundSettings,
  messageStepMs: number,
): Promise<Round> {
  const url = await freshDatabase(serverUrl);
  await disconnectDb();
  setEnvForThisProcess('DATABASE_URL', url);
  const emulator = await startEmulator(messageStepMs, latencyMs);
  const failureSeenAt = new Map<string, number>();
  const routeMs: number[] = [];
  // The real status route, noting when each WhatsApp failure reached the portal.
  const timedStatus: RouteHandler = async (request, segment) => {
    const fields = new URLSearchParams(await request.clone().text());
    const failure = fields.get('MessageStatus') === 'failed' && fields.get('To')?.startsWith('whatsapp:');
    const seen = Date.now();
    const number = fields.get('To')?.slice('whatsapp:'.length) ?? '';
    // The first sighting: Twilio (the emulator) retries a callback our server failed to answer.
    if (failure && !failureSeenAt.has(number)) failureSeenAt.set(number, seen);
    const response = await statusRoute(request, segment);
    if (failure) routeMs.push(Date.now() - seen);
    return response;
  };
  const routes = await startRouteServer({
    '/api/twilio/messages/status': timedStatus,
    '/api/twilio/messages/inbound': inboundRoute,
  });
  const vars = {
    ...creds,
    APP_URL: routes.url,
    TWILIO_EMULATOR: '1',
    TWILIO_EMULATOR_URL: emulator.url,
    LOG_LEVEL: 'error',
  };
  for (const [k, v] of Object.entries(vars)) setEnvForThisProcess(k, v);
  const workerEnv = childEnv({
    ...vars,
    DATABASE_URL: url,
    LOG_LEVEL: 'info',
    REMINDER_SEND_CONCURRENCY: workerOptions.inFlight,
    NODE_OPTIONS: workerOptions.profileDir
      ? `--cpu-prof --cpu-prof-dir=${workerOptions.profileDir}`
      : undefined,
  });
  return { url, emulator, routes, failureSeenAt, routeMs, workerEnv };
}

export async function tearDownRound(round: Round): Promise<void> {
  await stopJobSender();
  await disconnectDb();
  round.emulator.child.kill('SIGTERM');
  await round.routes.close();
  await dropDatabase(round.url).catch(() => {});
}
