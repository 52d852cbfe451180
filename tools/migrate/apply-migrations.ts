// Applies prisma/migrations to a database and reports what it did. Records
// each one in _prisma_migrations with the checksum `prisma migrate deploy`
// writes, so the two tools can take turns on one database.
import 'server-only';

import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { readMigrationsFolder } from './migrations-folder';
import { noFilters, openSchemaEngine } from './schema-engine';

export type ApplyResult = { applied: string[]; total: number };

export const PRISMA_DIR = path.resolve(import.meta.dirname, '../../prisma');

export async function applyMigrations(
  databaseUrl: string,
  prismaDir: string = PRISMA_DIR,
): Promise<ApplyResult> {
  const schemaPath = path.join(prismaDir, 'schema.prisma');
  const migrationsList = await readMigrationsFolder(path.join(prismaDir, 'migrations'));
  if (migrationsList.migrationDirectories.length === 0) {
    throw new Error(`No migrations found in ${migrationsList.baseDir}`);
  }
  const { engine, close } = await openSchemaEngine(
    databaseUrl,
    schemaPath,
    await readFile(schemaPath, 'utf8'),
  );
  try {
    const history = await engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: noFilters,
    });
    if (history.editedMigrationNames.length > 0) {
      throw new Error(
        `Migrations were edited after they were applied: ${history.editedMigrationNames.join(', ')}. ` +
          'Add a new migration instead of changing an applied one.',
      );
    }
    if (history.failedMigrationNames.length > 0) {
      throw new Error(
        `These migrations failed earlier and need attention: ${history.failedMigrationNames.join(', ')}`,
      );
    }
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return { applied: appliedMigrationNames, total: migrationsList.migrationDirectories.length };
  } finally {
    await close();
  }
}
