// npm run db:migrate:create -- <name> — writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that takes the existing migrations to the current schema.prisma.
// Review the file, then `npm run db:migrate`. Uses a temporary shadow database
// on the same server (dropped afterwards).
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { redactUrl, resolveDatabase } from '@/tools/local-database';
import { diffSchemaAgainstMigrations } from '@/tools/migrate/diff-schema';
import { LOCKFILE_CONTENT, LOCKFILE_NAME } from '@/tools/migrate/migrations-folder';
import { PRISMA_DIR } from '@/tools/migrate/apply-migrations';

const name = (process.argv[2] ?? '')
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, '_')
  .replace(/^_|_$/g, '');
if (!name) {
  console.error('Usage: npm run db:migrate:create -- <short_name>');
  process.exit(2);
}

const target = await resolveDatabase((m) => console.log(m));
let code = 0;
try {
  console.log(`Comparing schema.prisma with prisma/migrations (shadow database on ${redactUrl(target.url)})`);
  const sql = await diffSchemaAgainstMigrations(target.url, PRISMA_DIR);
  if (!sql.trim() || /^-- This is an empty migration\.?\s*$/.test(sql.trim())) {
    console.log('No changes: schema.prisma matches the migrations.');
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(PRISMA_DIR, 'migrations', `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'migration.sql'), sql);
    const lock = path.join(PRISMA_DIR, 'migrations', LOCKFILE_NAME);
    if (!existsSync(lock)) await writeFile(lock, LOCKFILE_CONTENT);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} catch (err) {
  console.error(`Could not create the migration: ${err instanceof Error ? err.message : String(err)}`);
  code = 1;
} finally {
  await target.embedded?.stop();
}
// Exit with the outcome (0 written or nothing to write, 1 failed); open handles would keep it alive.
process.exit(code);
