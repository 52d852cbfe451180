// The embedded PostgreSQL's server process: initdb on first run, start-up checks, shutdown
// checks, and the database the portal uses on it.
import 'server-only';

import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { chown, mkdir, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

import pg from 'pg';

import { realDataDir, type RunAs } from './placement';

/** What `.data/embedded-postgres.json` remembers between runs. */
export type Config = { port: number; password: string; dataDir: string; nativeDir: string };

// PostgreSQL gets a minimal environment: none of the portal's secrets.
export const serverProcessEnv = {
  LANG: 'C',
  LC_ALL: 'C',
  PATH: '/usr/bin:/bin',
} as unknown as NodeJS.ProcessEnv;

export function freePort(preferred: number): Promise<number> {
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

export function runningPid(dataDir: string): number | null {
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

export function runAsOptions(who: RunAs) {
  return who ? { uid: who.uid, gid: who.gid } : {};
}

export function waitForExit(child: ReturnType<typeof spawn>): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

export async function initdb(config: Config, who: RunAs, logFile: string): Promise<void> {
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

export async function waitUntilReady(
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

export async function otherClients(adminUrl: string): Promise<number> {
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
