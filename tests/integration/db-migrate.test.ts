// The project's migrate command must really create the tables: a setup where
// Prisma reports success and applies nothing has been seen on these machines.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

import pg from 'pg';
import { afterAll, describe, expect, it, inject } from 'vitest';

import { createDatabase, dropDatabase, withDatabase } from '../helpers/database-admin';

const expectedTables = [
  'Appointment',
  'AuditLog',
  'AuthSession',
  'Clinic',
  'Clinician',
  'Patient',
  'RecoveryCode',
  'User',
];

async function tablesIn(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    return rows.map((r) => r.table_name);
  } finally {
    await client.end();
  }
}

describe('npm run db:migrate', () => {
  const url = withDatabase(
    inject('templateDatabaseUrl'),
    `tp_migrate_${process.pid}_${Date.now().toString(36)}`,
  );

  afterAll(async () => {
    await dropDatabase(url);
  });

  it('creates every table of the schema in an empty database and records the migration', async () => {
    await createDatabase(url, new URL(url).pathname.slice(1));
    expect(await tablesIn(url)).toEqual([]);

    const run = spawnSync('npm', ['run', '--silent', 'db:migrate'], {
      env: { ...process.env, DATABASE_URL: url },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Applied (\d+) of \1 migrations/);

    const tables = await tablesIn(url);
    for (const table of expectedTables) expect(tables).toContain(table);
    expect(tables).toContain('_prisma_migrations');

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(
      'SELECT migration_name, checksum, finished_at FROM _prisma_migrations',
    );
    await client.end();
    const folders = readdirSync(path.join(import.meta.dirname, '../../prisma/migrations'), {
      withFileTypes: true,
    })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(rows.map((r) => r.migration_name).sort()).toEqual(folders);
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('is a no-op the second time, so every deploy can run it', () => {
    const run = spawnSync('npm', ['run', '--silent', 'db:migrate'], {
      env: { ...process.env, DATABASE_URL: url },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Database is up to date \(\d+ migrations\)/);
  });
});
