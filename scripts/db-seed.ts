// npm run db:seed — loads demo data (a clinic, its people, a week of
// appointments) into DATABASE_URL or the embedded database. Runs migrations
// first so it works on a brand-new database. If a clinic exists it changes nothing, and still prints the sign-ins and a join link.
// `npm run db:seed -- --scale[=0.1]` instead fills it with five years of a
// 20-clinician clinic (scripts/seed/scale-data.ts); --force adds it beside an existing clinic.
import { db, disconnectDb } from '@/lib/db/client';
import { redactUrl, resolveDatabase } from '@/tools/local-database';
import { applyMigrations } from '@/tools/migrate/apply-migrations';
import { env, setEnvForThisProcess } from '@/lib/env';
import { createDemoJoinLink } from '@/lib/video/links/create-demo-join-link';

import { DEMO_PASSWORD, DEMO_TOTP_SECRET, demoUsers } from './seed/demo-data';
import { ScaleSeedRefused, seedScale } from './seed/scale-data';
import { seedDatabase } from './seed/seed-database';

const scaleArg = process.argv.find((a) => a === '--scale' || a.startsWith('--scale='));

if (env().NODE_ENV === 'production' && !process.argv.includes('--allow-production')) {
  console.error(
    'Refusing to load demo data with NODE_ENV=production (pass --allow-production for a demo server).',
  );
  process.exit(2);
}

if (scaleArg && env().NODE_ENV === 'production') {
  console.error('Refusing to load clinic-scale data with NODE_ENV=production.');
  process.exit(2);
}

const target = await resolveDatabase((m) => console.log(m));
setEnvForThisProcess('DATABASE_URL', target.url);
let code = 0;
try {
  await applyMigrations(target.url);
  if (scaleArg) {
    const scale = scaleArg.includes('=') ? Number(scaleArg.split('=')[1]) : 1;
    console.log(`Loading clinic-scale data (scale ${scale}) into ${redactUrl(target.url)}…`);
    const result = await seedScale(target.url, {
      scale,
      force: process.argv.includes('--force'),
      password: DEMO_PASSWORD,
      log: (line) => console.log(line),
    });
    console.log(`Done in ${result.seconds.toFixed(1)} s.`);
    console.log(
      `Sign in as admin.${result.tag}@scale.example.test (or clinician1.…, staff1.…), password ${DEMO_PASSWORD}.`,
    );
  } else {
    await seedDemo();
  }
} catch (err) {
  if (err instanceof ScaleSeedRefused) console.error(err.message);
  else console.error(`Seeding failed: ${err instanceof Error ? err.message : String(err)}`);
  code = 1;
} finally {
  await disconnectDb();
  await target.embedded?.stop();
}
process.exit(code);

async function seedDemo() {
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
}
