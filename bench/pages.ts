// npm run bench:pages — server time of the staff pages at clinic scale (issue 13
// point 7). Not a test: it prints figures.
//
// Creates a throwaway database on DATABASE_URL's server (or the embedded one),
// fills it with scripts/seed/scale-data.ts (five years of a 20-clinician clinic
// at --scale 1), then for each page calls the same lib functions its page.tsx
// awaits, in-process, as an admin, reception or clinician SessionUser: that is
// the page's server time without rendering. Each is warmed up, then sampled
// (--samples, at least 30) and p50/p95 printed. Every SQL statement the pg
// driver sends is recorded with its time; the slowest SELECTs of each page are
// then run again under EXPLAIN (ANALYZE, BUFFERS) and their plan summarised
// (index or sequential scan, execution time). Target: p95 < 200 ms.
//
// The costs page asks Twilio for prices and usage: here the local emulator answers.
//
// Options: --scale 1 --samples 30 --warmup 5 [--keep] (keep the database) [--plans-per-page 2]
//          [--database <name>] (measure a database already seeded with npm run db:seed -- --scale)
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

import pg from 'pg';

import { setEnvForThisProcess } from '@/lib/env';

import { withDatabase } from '@/tests/helpers/database-admin';
import { sessionUserOf } from '@/tests/helpers/session-user-of';

import { startBenchEmulator } from './bench-emulator';
import { resolveServerNavigationBuild } from './server-navigation';
import {
  oneLine,
  recordStatements,
  startRecording,
  stopRecording,
  summarisePlan,
  type Recorded,
} from './statement-recording';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    samples: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false },
    'plans-per-page': { type: 'string', default: '2' },
    /** Measure an already seeded database (npm run db:seed -- --scale) instead of a throwaway one. */
    database: { type: 'string' },
    /** Only the pages whose name contains this. */
    only: { type: 'string' },
  },
});
const SCALE = Number(args.scale);
const SAMPLES = Math.max(30, Number(args.samples));
const WARMUP = Math.max(1, Number(args.warmup));
const PLANS = Number(args['plans-per-page']);

// The slow-query warnings would bury the table; the table says it.
setEnvForThisProcess('LOG_LEVEL', 'error');

// Pages import next/navigation; plain Node needs its react-server build.
resolveServerNavigationBuild();

recordStatements();

// ---------------------------------------------------------------- database
const { resolveDatabase } = await import('@/tools/local-database');
const target = await resolveDatabase();
const benchDb = args.database ?? `tp_bench_pages_${Date.now().toString(36)}`;
const admin = new pg.Client({ connectionString: withDatabase(target.url, 'postgres') });
await admin.connect();
if (!args.database) await admin.query(`CREATE DATABASE "${benchDb}"`);
const benchUrl = withDatabase(target.url, benchDb);
let exitCode = 0;
let emulator: { url: string; stop: () => Promise<void> } | null = null;
try {
  const { applyMigrations } = await import('@/tools/migrate/apply-migrations');
  await applyMigrations(benchUrl);
  const seeded = args.database ? await findSeeded(benchUrl) : await seed(benchUrl);

  emulator = await startBenchEmulator(benchUrl);
  await runPages(seeded);
} catch (err) {
  console.error(err);
  exitCode = 1;
} finally {
  const { disconnectDb } = await import('@/lib/db/client');
  await disconnectDb();
  await emulator?.stop();
  if (args.keep || args.database) console.log(`Kept database ${benchDb}.`);
  else await admin.query(`DROP DATABASE IF EXISTS "${benchDb}" WITH (FORCE)`);
  await admin.end();
  await target.embedded?.stop();
}
// The pg pool and the emulator client keep handles open; exit with the figures' verdict.
process.exit(exitCode);

async function seed(url: string) {
  const { seedScale } = await import('@/scripts/seed/scale-data');
  console.log(`Seeding ${benchDb} at scale ${SCALE}…  (load average ${loadAverage()})`);
  const seeded = await seedScale(url, { scale: SCALE, log: (l) => console.log(l) });
  console.log(`Seeded in ${seeded.seconds.toFixed(1)} s (load average ${loadAverage()}).\n`);
  return seeded;
}

async function findSeeded(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ clinicId: string; role: string; id: string }>(
      `SELECT u."clinicId", u.role::text AS role, u.id FROM "User" u JOIN "Clinic" k ON k.id = u."clinicId"
       WHERE k.name = 'Scale Psychology' AND u.role IN ('ADMIN', 'STAFF') ORDER BY u.id`,
    );
    const adminRow = rows.find((r) => r.role === 'ADMIN');
    const staff = rows.find((r) => r.role === 'STAFF' && r.clinicId === adminRow?.clinicId);
    if (!adminRow || !staff)
      throw new Error(`${benchDb} holds no scale clinic: npm run db:seed -- --scale first.`);
    return { clinicId: adminRow.clinicId, adminUserId: adminRow.id, receptionUserId: staff.id };
  } finally {
    await c.end();
  }
}

async function runPages(seeded: { clinicId: string; adminUserId: string; receptionUserId: string }) {
  const { db } = await import('@/lib/db/client');
  const { listAppointments, listAppointmentsForView } = await import('@/lib/appointments/list-appointments');
  const { listClinicians } = await import('@/lib/appointments/list-clinicians');
  const { getClinicTimeZone } = await import('@/lib/time/get-clinic-time-zone');
  const { todayIn, addDays } = await import('@/lib/time/clinic-time');
  const { getWaitingList } = await import('@/lib/video/waiting-room/get-waiting-list');
  const { listPatients } = await import('@/lib/patients/list-patients');
  const { getPatient } = await import('@/lib/patients/get-patient');
  const { getPatientHistory } = await import('@/lib/patients/get-patient-history');
  const { listReminders } = await import('@/lib/reminders/views/list-reminders');
  const { listRepliesNeedingAttention } = await import('@/lib/reminders/replies/list-replies');
  const { summariseReminderDays } = await import('@/lib/reminders/views/summarise-reminder-days');
  const { reminderListFiltersSchema } = await import('@/lib/schemas/reminder');
  const { getReadinessSettings } = await import('@/lib/readiness/get-readiness-settings');
  const { getCostReport } = await import('@/lib/costs/get-cost-report');
  const { listBillingAlerts } = await import('@/lib/costs/list-billing-alerts');
  type SessionUser = import('@/lib/auth/session-user').SessionUser;

  const users = await db().user.findMany({
    where: { clinicId: seeded.clinicId },
    include: { clinician: { select: { id: true } } },
  });
  const asUser = (u: (typeof users)[number]): SessionUser => sessionUserOf(u, 'bench');
  const adminUser = asUser(users.find((u) => u.id === seeded.adminUserId)!);
  const reception = asUser(users.find((u) => u.id === seeded.receptionUserId)!);
  const clinician = asUser(users.find((u) => u.role === 'CLINICIAN')!);
  // The patient with the longest history: the page's worst case.
  const busiest = await db().appointment.groupBy({
    by: ['patientId'],
    where: { clinician: { user: { clinicId: seeded.clinicId } } },
    _count: { _all: true },
    orderBy: { _count: { patientId: 'desc' } },
    take: 1,
  });
  const patientId = busiest[0]!.patientId;
  const clinicianPatient = await db().appointment.findFirst({
    where: { clinicianId: clinician.clinicianId! },
    orderBy: { startsAt: 'desc' },
    select: { patientId: true },
  });
  const tz = await getClinicTimeZone(adminUser.clinicId);
  const today = todayIn(tz);
  const filters = (q: Record<string, string>) => reminderListFiltersSchema.parse(q);

  const dashboard = async (user: SessionUser) => {
    const timeZone = await getClinicTimeZone(user.clinicId);
    await Promise.all([
      listAppointmentsForView(user, { view: 'day', date: todayIn(timeZone), timeZone }),
      getWaitingList(user),
    ]);
  };
  const appointments = async (user: SessionUser, view: 'day' | 'week') => {
    const timeZone = await getClinicTimeZone(user.clinicId);
    await listClinicians(user);
    await listAppointmentsForView(user, { view, date: todayIn(timeZone), timeZone });
  };
  const reminders = async (user: SessionUser, q: Record<string, string>) => {
    const timeZone = await getClinicTimeZone(user.clinicId);
    await Promise.all([
      listReminders(user, filters(q), timeZone),
      summariseReminderDays(user, timeZone),
      listRepliesNeedingAttention(user),
    ]);
  };
  const patientPage = async (user: SessionUser, id: string) => {
    const patient = await getPatient(user, id);
    await getPatientHistory(user, patient.id, { limit: 20 });
    await getClinicTimeZone(user.clinicId);
    await listAppointments(user, {
      from: new Date(),
      patientId: patient.id,
      includeCancelled: false,
      limit: 10,
    });
  };
  const costs = async (user: SessionUser) => {
    const { rates } = await getReadinessSettings(user.clinicId);
    const report = await getCostReport(rates);
    await listBillingAlerts(report.currentMonth);
  };

  const pages: [string, () => Promise<unknown>][] = [
    ['dashboard (reception)', () => dashboard(reception)],
    ['dashboard (clinician)', () => dashboard(clinician)],
    ['patients list (p1)', () => listPatients(reception, { page: 1 })],
    ['patients list (p40)', () => listPatients(reception, { page: 40 })],
    ['patients search name', () => listPatients(reception, { q: 'Ashwood' })],
    ['patients search mobile', () => listPatients(reception, { q: '0491 570 1' })],
    ['patients list (clinician)', () => listPatients(clinician, { page: 1 })],
    ['appointments week', () => appointments(reception, 'week')],
    ['appointments day grid', () => appointments(reception, 'day')],
    ['appointments week (clin.)', () => appointments(clinician, 'week')],
    ['reminders upcoming', () => reminders(reception, {})],
    [
      'reminders delivered+range',
      () => reminders(reception, { status: 'DELIVERED', from: addDays(today, -90), to: today }),
    ],
    ['reminders failed fallback', () => reminders(reception, { status: 'FAILED', channel: 'FALLBACK' })],
    ['reminders all, page 50', () => reminders(reception, { status: 'ALL', page: '50' })],
    ['costs', () => costs(adminUser)],
    ['patient page (busiest)', () => patientPage(reception, patientId)],
    ['patient page (clinician)', () => patientPage(clinician, clinicianPatient!.patientId)],
  ];

  const load = loadAverage();
  console.log(`Server time per page, ${SAMPLES} samples after ${WARMUP} warm-up (load average ${load}):`);
  console.log(
    `  ${'page'.padEnd(28)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)}  statements`,
  );
  const results: { name: string; p50: number; p95: number; statements: Recorded[] }[] = [];
  for (const [name, run] of pages.filter(([n]) => !args.only || n.includes(args.only))) {
    for (let i = 0; i < WARMUP; i++) await run();
    const times: number[] = [];
    let statements: Recorded[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const sink = startRecording();
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
      stopRecording();
      if (i === SAMPLES - 1) statements = sink;
    }
    times.sort((a, b) => a - b);
    const p50 = quantile(times, 0.5);
    const p95 = quantile(times, 0.95);
    results.push({ name, p50, p95, statements });
    const flag = p95 < 200 ? '' : '  ← over 200 ms';
    console.log(
      `  ${name.padEnd(28)} ${p50.toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)} ${times.at(-1)!.toFixed(1).padStart(8)}  ${String(statements.length).padStart(4)}${flag}`,
    );
  }

  console.log(`\nPlans of the slowest SELECTs per page (EXPLAIN ANALYZE, BUFFERS):`);
  const explain = new pg.Client({ connectionString: benchUrl });
  await explain.connect();
  try {
    for (const r of results) {
      const selects = r.statements
        .filter((s) => /^\s*(SELECT|WITH)\b/i.test(s.text))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, PLANS);
      for (const s of selects) {
        const plan = await explain.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) ${s.text}`,
          s.values,
        );
        const lines = plan.rows.map((row) => row['QUERY PLAN']);
        console.log(`  ${r.name}: ${summarisePlan(lines)}  [${oneLine(s.text)}]`);
      }
    }
  } finally {
    await explain.end();
  }
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');
}
