// Writes the SQL that takes the database from the existing migrations to the
// current schema.prisma: what `prisma migrate dev --create-only` would write.
import 'server-only';

import { readFile } from 'node:fs/promises';
import path from 'node:path';

import pg from 'pg';

import { readMigrationsFolder } from './migrations-folder';
import { noFilters, openSchemaEngine, poolConfigFromUrl } from './schema-engine';

export async function diffSchemaAgainstMigrations(databaseUrl: string, prismaDir: string): Promise<string> {
  const schemaPath = path.join(prismaDir, 'schema.prisma');
  const schemaText = await readFile(schemaPath, 'utf8');
  const migrationsList = await readMigrationsFolder(path.join(prismaDir, 'migrations'));
  const { engine, close } = await openSchemaEngine(databaseUrl, schemaPath, schemaText);
  try {
    const from =
      migrationsList.migrationDirectories.length === 0
        ? ({ tag: 'empty' } as const)
        : ({ tag: 'migrations', ...migrationsList } as const);
    const result = await engine.diff({
      from,
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schemaText }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? '';
  } finally {
    await close();
    await dropLeftoverShadowDatabases(databaseUrl);
  }
}

/** The adapter drops its shadow database while still connected, which fails; finish the job. */
async function dropLeftoverShadowDatabases(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ ...poolConfigFromUrl(databaseUrl), database: 'postgres' });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'",
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname.replace(/"/g, '""')}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}
