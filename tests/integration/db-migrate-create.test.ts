// `npm run db:migrate:create` writes migrations from schema.prisma on the Wasm
// schema engine. The committed migrations must describe the committed schema
// exactly, and a schema change must come out as just that change.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it, inject } from 'vitest';

import { PRISMA_DIR } from '@/tools/migrate/apply-migrations';
import { diffSchemaAgainstMigrations } from '@/tools/migrate/diff-schema';

const serverUrl = inject('templateDatabaseUrl');

describe('migrations from schema.prisma', () => {
  const temp: string[] = [];
  afterAll(async () => {
    for (const dir of temp) await rm(dir, { recursive: true, force: true });
  });

  it('finds nothing to add: prisma/migrations matches schema.prisma', async () => {
    const sql = await diffSchemaAgainstMigrations(serverUrl, PRISMA_DIR);
    expect(sql.trim()).toMatch(/^(-- This is an empty migration\.)?$/);
  });

  it('turns a new model into a migration that creates only that table', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tp-prisma-'));
    temp.push(dir);
    await cp(PRISMA_DIR, dir, { recursive: true });
    const schema = path.join(dir, 'schema.prisma');
    await writeFile(
      schema,
      (await readFile(schema, 'utf8')) + '\nmodel ScratchThing {\n  id String @id\n}\n',
    );

    const sql = await diffSchemaAgainstMigrations(serverUrl, dir);
    expect(sql).toContain('CREATE TABLE "ScratchThing"');
    expect(sql.match(/CREATE TABLE/g)).toHaveLength(1);
    expect(sql).not.toMatch(/DROP|ALTER TABLE/);
  });
});
