// Starts what the end-to-end tests run against: a fresh database (on
// DATABASE_URL's server, or the embedded one) with migrations and demo data,
// the Twilio emulator with throwaway credentials, and the server `npm start` runs on the
// production build. Returns the teardown.
//
// The end-to-end tests (and scripts/screenshots.ts) run the test build
// (VIDEO_TEST_BUILD=1, in .next-e2e/: twilio-video's connect is a stand-in,
// because Twilio cannot be reached from here); bench/join-page.ts runs the
// real production build in .next/.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

import { PROJECT_ROOT } from '../../tools/local-database';
import { startSeededServices, waitForHttp } from '../../scripts/seeded-services';
import { dropDatabase } from '../helpers/database-admin';

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
  const { embedded, databaseUrl, credentials, emulator, serverEnvFor } = await startSeededServices('e2e');
  const appUrl = `http://127.0.0.1:${port}`;
  const serverEnv: NodeJS.ProcessEnv = {
    ...serverEnvFor(appUrl, port),
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
