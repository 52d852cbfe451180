// What the end-to-end tests (tests/e2e/global-setup.ts) and `npm run fuzz`
// (scripts/fuzz/stack.ts) both start before the production server: a fresh
// database (on DATABASE_URL's server, or the embedded one) with the demo data,
// and the Twilio emulator with throwaway credentials.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

import { createDatabase, withDatabase } from '../tests/helpers/database-admin';
import {
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from '../tools/embedded-postgres/start-embedded-postgres';
import { PROJECT_ROOT } from '../tools/local-database';
import { randomTwilioCredentials, startEmulatorProcess, type TwilioCredentials } from './dev-services';

export type SeededServices = {
  /** The embedded PostgreSQL server, when DATABASE_URL named none. */
  embedded: EmbeddedPostgres | null;
  databaseUrl: string;
  /** This process's environment pointed at the new database, for the processes started from here. */
  baseEnv: NodeJS.ProcessEnv;
  credentials: TwilioCredentials;
  emulator: Awaited<ReturnType<typeof startEmulatorProcess>>;
  /** The production server's environment at `appUrl` (port `port`), using this database and emulator. */
  serverEnvFor(appUrl: string, port: number): NodeJS.ProcessEnv;
};

/** `label` names the database (tp_<label>_…) and the failure message. */
export async function startSeededServices(label: 'e2e' | 'fuzz'): Promise<SeededServices> {
  let embedded: EmbeddedPostgres | null = null;
  const serverUrl =
    process.env.DATABASE_URL ?? (embedded = await startEmbeddedPostgres({ projectRoot: PROJECT_ROOT })).url;
  const dbName = `tp_${label}_${process.pid}_${Date.now().toString(36)}`;
  await createDatabase(serverUrl, dbName);
  const databaseUrl = withDatabase(serverUrl, dbName);
  const baseEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl };
  delete baseEnv.NODE_OPTIONS;
  // The server's own environment says which build it serves; the seed and the emulator read neither.
  delete baseEnv.VIDEO_TEST_BUILD;

  const seed = spawnSync(
    path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'),
    ['--conditions=react-server', 'scripts/db-seed.ts'],
    { cwd: PROJECT_ROOT, env: { ...baseEnv, NODE_ENV: 'development' }, encoding: 'utf8' },
  );
  if (seed.status !== 0) {
    throw new Error(`Seeding the ${label} database failed:\n${seed.stdout}\n${seed.stderr}`);
  }

  const credentials = randomTwilioCredentials();
  const emulator = await startEmulatorProcess(credentials, { env: baseEnv });
  return {
    embedded,
    databaseUrl,
    baseEnv,
    credentials,
    emulator,
    serverEnvFor: (appUrl, port) => ({
      ...baseEnv,
      ...credentials,
      NODE_ENV: 'production',
      PORT: String(port),
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      APP_URL: appUrl,
      TWILIO_EMULATOR: '1',
      TWILIO_EMULATOR_URL: emulator.url,
      TWILIO_STATUS_CALLBACK_URL: `${appUrl}/api/appointments/twilio-status-callback/`,
    }),
  };
}

/** Waits until `url` answers below 500; fails early once `exited()` says the server is gone. */
export async function waitForHttp(url: string, timeoutMs: number, exited: () => unknown = () => null) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited()) throw new Error('The server exited while starting; its output is above.');
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
