// npm run db:migrate — applies prisma/migrations to DATABASE_URL (or to the
// embedded database when it is unset). Safe to run on every deploy: applied
// migrations are skipped. Prints what it applied and the tables that exist.
import { applyMigrations } from '@/tools/migrate/apply-migrations';
import { redactUrl, resolveDatabase } from '@/tools/local-database';

const target = await resolveDatabase((m) => console.log(m));
let code = 0;
try {
  console.log(`Migrating ${redactUrl(target.url)}`);
  const result = await applyMigrations(target.url);
  console.log(
    result.applied.length === 0
      ? `Database is up to date (${result.total} migrations).`
      : `Applied ${result.applied.length} of ${result.total} migrations: ${result.applied.join(', ')}`,
  );
} catch (err) {
  console.error(`Migration failed: ${err instanceof Error ? err.message : String(err)}`);
  code = 1;
} finally {
  await target.embedded?.stop();
}
// The Wasm engine leaves a timer running; exit explicitly.
process.exit(code);
