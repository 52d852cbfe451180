// npm run db:seed — loads demo data (a clinic, its people, a week of
// appointments) into DATABASE_URL or the embedded database. Runs migrations
// first so it works on a brand-new database. If a clinic exists it changes nothing, and still prints the sign-ins and a join link.
import { db, disconnectDb } from '@/lib/db/client';
import { redactUrl, resolveDatabase } from '@/lib/db/local-database';
import { applyMigrations } from '@/lib/db/migrate/apply-migrations';
import { env, setEnvForThisProcess } from '@/lib/env';
import { createDemoJoinLink } from '@/lib/video/create-demo-join-link';

import { DEMO_PASSWORD, DEMO_TOTP_SECRET, demoUsers } from './seed/demo-data';
import { seedDatabase } from './seed/seed-database';

if (env().NODE_ENV === 'production' && !process.argv.includes('--allow-production')) {
  console.error(
    'Refusing to load demo data with NODE_ENV=production (pass --allow-production for a demo server).',
  );
  process.exit(2);
}

const target = await resolveDatabase((m) => console.log(m));
setEnvForThisProcess('DATABASE_URL', target.url);
let code = 0;
try {
  await applyMigrations(target.url);
  const result = await seedDatabase(db());
  if (!result.seeded) {
    console.log(`Demo data already present in ${redactUrl(target.url)}; nothing changed.`);
  } else {
    console.log(`Loaded demo data into ${redactUrl(target.url)}: ${result.appointments} appointments.`);
  }
  console.log('\nDemo sign-ins (password for all: ' + DEMO_PASSWORD + '):');
  for (const u of demoUsers) console.log(`  ${u.role.padEnd(9)} ${u.email}${u.mfa ? '  (two-factor)' : ''}`);
  console.log(`Two-factor secret for the demo admin and clinicians: ${DEMO_TOTP_SECRET}`);
  console.log(
    result.nextTelehealthId
      ? `\nPatient join link for the next telehealth appointment: ${await createDemoJoinLink(result.nextTelehealthId)}`
      : '\nNo telehealth appointment is coming up, so there is no join link to print: book one on /appointments/new.',
  );
} catch (err) {
  console.error(`Seeding failed: ${err instanceof Error ? err.message : String(err)}`);
  code = 1;
} finally {
  await disconnectDb();
  await target.embedded?.stop();
}
process.exit(code);
