// Starts what the end-to-end tests run against: a fresh database (on
// DATABASE_URL's server, or the embedded one) with migrations and demo data,
// the Twilio emulator with throwaway credentials, and the server `npm start` runs on the
// production build. Returns the teardown.
//
// The end-to-end tests (and scripts/screenshots.ts) run the test build
// (VIDEO_TEST_BUILD=1, in .next-e2e/: twilio-video's connect is a stand-in,
// because Twilio cannot be reached from here); bench/join-page.ts runs the
// real production build in .next/.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';

import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../tools/embedded-postgres/start-embedded-postgres';
import { PROJECT_ROOT } from '../../tools/local-database';
import { startEmulatorProcess, type TwilioCredentials } from '../../scripts/dev-services';
import { createDatabase, dropDatabase, withDatabase } from '../helpers/database-admin';

const hex = (n: number) => randomBytes(n).toString('hex');

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { redirect: 'manual' });
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

export default function globalSetup() {
  return startStack({ build: 'test' });
}

export async function startStack({ build }: { build: 'test' | 'production' }) {
  // E2E_DIST_DIR: a second test build beside the first (see next.config.js).
  const testDistDir = process.env.E2E_DIST_DIR?.startsWith('.next-e2e')
    ? process.env.E2E_DIST_DIR
    : '.next-e2e';
  const distDir = build === 'test' ? testDistDir : '.next';
  if (!existsSync(path.join(PROJECT_ROOT, distDir, 'BUILD_ID'))) {
    throw new Error(
      build === 'test'
        ? 'No test build in .next-e2e/: run `VIDEO_TEST_BUILD=1 npx next build` first (npm run test:e2e does).'
        : 'No production build in .next/: run `npm run build` first.',
    );
  }
  const port = Number(process.env.E2E_PORT ?? 3100);
  let embedded: EmbeddedPostgres | null = null;
  const serverUrl =
    process.env.DATABASE_URL ?? (embedded = await startEmbeddedPostgres({ projectRoot: PROJECT_ROOT })).url;
  const dbName = `tp_e2e_${process.pid}_${Date.now().toString(36)}`;
  await createDatabase(serverUrl, dbName);
  const databaseUrl = withDatabase(serverUrl, dbName);

  const baseEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl };
  delete baseEnv.NODE_OPTIONS;
  const seed = spawnSync(
    path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'),
    ['--conditions=react-server', 'scripts/db-seed.ts'],
    {
      cwd: PROJECT_ROOT,
      env: { ...baseEnv, NODE_ENV: 'development' },
      encoding: 'utf8',
    },
  );
  if (seed.status !== 0) throw new Error(`Seeding the e2e database failed:\n${seed.stdout}\n${seed.stderr}`);

  const credentials: TwilioCredentials = {
    TWILIO_ACCOUNT_SID: `AC${hex(16)}`,
    TWILIO_AUTH_TOKEN: hex(16),
    TWILIO_API_KEY: `SK${hex(16)}`,
    TWILIO_API_SECRET: randomBytes(24).toString('base64url'),
    TWILIO_PHONE_NUMBER: '+61491570156',
    TWILIO_WHATSAPP_FROM: 'whatsapp:+61491570157',
  };
  const emulator = await startEmulatorProcess(credentials, { env: baseEnv });
  const appUrl = `http://127.0.0.1:${port}`;
  const serverEnv: NodeJS.ProcessEnv = {
    ...baseEnv,
    ...credentials,
    NODE_ENV: 'production',
    PORT: String(port),
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    APP_URL: appUrl,
    TWILIO_EMULATOR: '1',
    TWILIO_EMULATOR_URL: emulator.url,
    TWILIO_STATUS_CALLBACK_URL: `${appUrl}/api/appointments/twilio-status-callback/`,
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    // Change notices wait 3 minutes in production; a journey that reschedules then cancels waits 5 s.
    CHANGE_NOTICE_DELAY_SECONDS: '5',
  };
  // next.config.js reads it again when the server starts, to serve from .next-e2e/.
  if (build === 'test') serverEnv.VIDEO_TEST_BUILD = '1';
  else delete serverEnv.VIDEO_TEST_BUILD;
  // The same entry point as `npm start`: validates the environment, then serves in-process.
  const server = spawn(
    path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'),
    ['--conditions=react-server', 'scripts/start.ts', '--hostname', '127.0.0.1'],
    { cwd: PROJECT_ROOT, env: serverEnv, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  await waitForHttp(`${appUrl}/sign-in`, 60_000);
  // The job worker: sends reminders and their SMS fallbacks, as `npm run worker` does.
  const worker = spawn(
    path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'),
    ['--conditions=react-server', 'scripts/worker.ts'],
    { cwd: PROJECT_ROOT, env: serverEnv, stdio: ['ignore', 'inherit', 'inherit'] },
  );

  // What the specs need to reach the same database and emulator.
  process.env.E2E_DATABASE_URL = databaseUrl;
  process.env.E2E_EMULATOR_URL = emulator.url;
  process.env.E2E_TWILIO_AUTH_TOKEN = credentials.TWILIO_AUTH_TOKEN;
  process.env.E2E_TWILIO_ACCOUNT_SID = credentials.TWILIO_ACCOUNT_SID;
  // REST calls authenticate with the API key: a server or worker that sends messages needs it.
  process.env.E2E_TWILIO_API_KEY = credentials.TWILIO_API_KEY;
  process.env.E2E_TWILIO_API_SECRET = credentials.TWILIO_API_SECRET;

  return async () => {
    server.kill('SIGTERM');
    worker.kill('SIGTERM');
    emulator.process.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await dropDatabase(databaseUrl).catch(() => {});
    await embedded?.stop();
  };
}
