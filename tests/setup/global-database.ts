// Integration tests run on a real PostgreSQL: DATABASE_URL's server when set
// (CI points it at 127.0.0.1:5432), otherwise the embedded server under .data/.
// This creates one migrated template database per run; each test file then
// gets its own copy (tests/setup/file-database.ts) and drops it afterwards.
import type { TestProject } from 'vitest/node';

import { applyMigrations } from '@/tools/migrate/apply-migrations';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@/tools/embedded-postgres/start-embedded-postgres';
import { PROJECT_ROOT } from '@/tools/local-database';

import { createDatabase, dropDatabase, withDatabase } from '../helpers/database-admin';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
  }
}

let embedded: EmbeddedPostgres | null = null;
let templateUrl = '';

export async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL
    ? process.env.DATABASE_URL
    : (embedded = await startEmbeddedPostgres({ projectRoot: PROJECT_ROOT })).url;
  const name = `tp_test_template_${process.pid}_${Date.now().toString(36)}`;
  await createDatabase(serverUrl, name);
  templateUrl = withDatabase(serverUrl, name);
  await applyMigrations(templateUrl);
  project.provide('templateDatabaseUrl', templateUrl);
}

export async function teardown() {
  if (templateUrl) await dropDatabase(templateUrl).catch(() => {});
  await embedded?.stop();
}
