// npm run dev — everything a newcomer needs on one machine:
//   1. the database: DATABASE_URL, or the embedded PostgreSQL under .data/
//      (created on first run), migrated, with demo data when empty;
//   2. the local Twilio emulator, when no Twilio credentials are configured
//      or TWILIO_EMULATOR=1 (TWILIO_EMULATOR_URL points at one running elsewhere);
//   3. the Next.js dev server on http://localhost:3000 and the job worker.
// Ctrl-C stops them all. A second `npm run dev` on the same machine runs beside
// the first: its own web port (3000 or the next free one, unless PORT is set),
// its own emulator (a free port, unless TWILIO_EMULATOR_PORT is set), its own
// build folder (.next-dev; Next allows one dev server per folder), and the
// same embedded database, which stays up until the last of them stops.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import { db, disconnectDb } from '@/lib/db/client';
import { PROJECT_ROOT, redactUrl, resolveDatabase } from '@/tools/local-database';
import { applyMigrations } from '@/tools/migrate/apply-migrations';
import { childEnv, env, isSet, setEnvForThisProcess } from '@/lib/env';
import { createDemoJoinLink } from '@/lib/video/links/create-demo-join-link';

import {
  chooseDevDistDir,
  chooseWebPort,
  DevSetupError,
  emulatorCredentials,
  emulatorPort,
  startEmulatorProcess,
  wantsEmulator,
} from './dev-services';
import { DEMO_PASSWORD, demoUsers } from './seed/demo-data';
import { seedDatabase } from './seed/seed-database';

const say = (m: string) => console.log(`[dev] ${m}`);
const children: ChildProcess[] = [];

// Something a person can fix (a port in use, a bad variable): say it plainly and stop.
process.on('uncaughtException', (err) => {
  const plain = err instanceof DevSetupError || err.name === 'EnvError';
  console.error(plain ? `[dev] ${err.message}` : err);
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exit(1);
});

const config = env();
const port = await chooseWebPort(config.PORT, isSet('PORT'));
const distDir = chooseDevDistDir();
const database = await resolveDatabase(say);
setEnvForThisProcess('DATABASE_URL', database.url);
say(`Database: ${database.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'} at ${redactUrl(database.url)}`);
const migrated = await applyMigrations(database.url);
say(
  migrated.applied.length
    ? `Applied migrations: ${migrated.applied.join(', ')}`
    : 'Database schema is up to date.',
);
const seeded = await seedDatabase(db());
if (seeded.seeded) {
  say(`Loaded demo data. Sign in with any of these (password ${DEMO_PASSWORD}):`);
  for (const u of demoUsers) say(`  ${u.email}${u.mfa ? ' (two-factor: see README)' : ''}`);
}
// A join link carries the portal's address: without APP_URL that is localhost and
// this server's port, which may not be 3000 (a second dev server takes the next free one).
if (!isSet('APP_URL')) setEnvForThisProcess('PORT', String(port));
// Printed on every start, seeded now or before; the link already issued is reused.
const joinLink = seeded.nextTelehealthId ? await createDemoJoinLink(seeded.nextTelehealthId) : null;
await disconnectDb();

// The children run what was checked here: development, this port and this database.
const overrides: Record<string, string | undefined> = {
  DATABASE_URL: database.url,
  NODE_ENV: config.NODE_ENV,
  PORT: String(port),
  // Read by next.config.js: a second dev server builds into its own folder.
  NEXT_DEV_DIST_DIR: distDir === '.next' ? undefined : distDir,
};
if (wantsEmulator(config)) {
  const credentials = await emulatorCredentials(config);
  const emulator = await startEmulatorProcess(credentials, { port: emulatorPort(config), env: childEnv() });
  children.push(emulator.process);
  Object.assign(overrides, credentials, {
    TWILIO_EMULATOR_URL: emulator.url,
    TWILIO_STATUS_CALLBACK_URL:
      config.TWILIO_STATUS_CALLBACK_URL ??
      `http://localhost:${port}/api/appointments/twilio-status-callback/`,
  });
  say(`Twilio emulator at ${emulator.url}: nothing reaches Twilio; sent messages appear on /dev/outbox.`);
} else if (config.TWILIO_MOCK_URLS) {
  // A mock (Prism) accepts any account: throwaway credentials give the portal well-formed ones.
  const credentials = await emulatorCredentials(config);
  for (const [key, value] of Object.entries(credentials) as Array<[keyof typeof credentials, string]>) {
    if (!isSet(key)) overrides[key] = value;
  }
  const mocks = Object.entries(config.TWILIO_MOCK_URLS).map(([domain, url]) => `${domain} → ${url}`);
  say(`Using standard Twilio mocks (TWILIO_MOCK_URLS): ${mocks.join(', ')}.`);
} else if (config.TWILIO_EMULATOR_URL) {
  say(`Using the Twilio-compatible server at ${config.TWILIO_EMULATOR_URL}.`);
} else {
  say('Using the real Twilio account from TWILIO_ACCOUNT_SID.');
}

const bin = (name: string) => path.join(PROJECT_ROOT, 'node_modules', '.bin', name);
const childEnvironment = childEnv(overrides);
const web = spawn(bin('next'), ['dev', '--port', String(port)], {
  stdio: 'inherit',
  env: childEnvironment,
});
const worker = spawn(
  bin('tsx'),
  ['--conditions=react-server', path.join(PROJECT_ROOT, 'scripts', 'worker.ts')],
  {
    stdio: 'inherit',
    env: childEnvironment,
  },
);
children.push(web, worker);
say(`Portal: http://localhost:${port}`);
say(
  joinLink
    ? `Patient join link for the next telehealth appointment: ${joinLink}`
    : 'No telehealth appointment is coming up, so there is no join link to print: book one on /appointments/new.',
);

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(
    children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)),
  );
  await database.embedded?.stop();
  process.exit(code);
}
web.once('exit', (code) => void stop(code ?? 0));
worker.once('exit', (code) => {
  if (!stopping) say(`The worker stopped (exit ${code}); stopping the portal.`);
  void stop(code ?? 1);
});
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
