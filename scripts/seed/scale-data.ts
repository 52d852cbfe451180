// Clinic-scale data (issue 13 point 7): five years of a 20-clinician clinic,
// for benchmarks and for trying the portal at size. At scale 1: about 20,000
// patients, 100,000 appointments, 400,000 reminders, 400,000 messages and their
// events, video sessions with room events for past telehealth, audit entries.
//
// Written with set-based SQL (INSERT … SELECT generate_series) on one pg
// connection: a few statements rather than millions of Prisma calls. Rows get
// readable ids (<tag>pat17, <tag>apt42…) so later statements join by number.
// Names come from a generated syllable list; mobiles are in ACMA's range for
// fiction (0491 570 000–0491 579 999); emails are at example.test.
import 'server-only';

import pg from 'pg';

import { hashPassword } from '@/lib/auth/password';

import { SCALE_FULL, type ScaleContext } from './scale/scale-context';
import { seedAppointments } from './scale/seed-appointments';
import { seedAudit } from './scale/seed-audit';
import { seedClinicAndPatients } from './scale/seed-clinic-and-patients';
import { seedReminders } from './scale/seed-reminders';
import { seedVideo } from './scale/seed-video';

export { SCALE_FULL, SCALE_OFFSETS } from './scale/scale-context';
export { scaleNames } from './scale/scale-names';

export type ScaleOptions = {
  /** 1 = the full clinic; 0.1 for a quick run. */
  scale: number;
  /** Add to a database that already holds a clinic. */
  force?: boolean;
  now?: Date;
  log?: (line: string) => void;
  /** The clinicians' password (all staff of the scale clinic share it). */
  password?: string;
};

export type ScaleResult = {
  clinicId: string;
  tag: string;
  adminUserId: string;
  receptionUserId: string;
  clinicianUserIds: string[];
  counts: Record<string, number>;
  seconds: number;
};

export class ScaleSeedRefused extends Error {}

export async function seedScale(databaseUrl: string, options: ScaleOptions): Promise<ScaleResult> {
  const scale = options.scale;
  if (!(scale > 0 && scale <= 10)) throw new ScaleSeedRefused('The scale must be above 0 and at most 10.');
  const log = options.log ?? (() => {});
  const now = options.now ?? new Date();
  const P = Math.max(10, Math.round(SCALE_FULL.patients * scale));
  const A = Math.max(20, Math.round(SCALE_FULL.appointments * scale));
  const C = SCALE_FULL.clinicians;
  const tag = `s${now.getTime().toString(36)}`;
  const started = performance.now();

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const counts: Record<string, number> = {};
  const step = async (name: string, sql: string, params: unknown[] = []) => {
    const t = performance.now();
    const res = await client.query(sql, params);
    const rows = res.rowCount ?? 0;
    counts[name] = (counts[name] ?? 0) + rows;
    log(
      `  ${name.padEnd(22)} ${String(rows).padStart(9)} rows  ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  };
  try {
    const existing = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM "Clinic"');
    if ((existing.rows[0]?.n ?? 0) > 0 && !options.force) {
      throw new ScaleSeedRefused(
        'This database already holds a clinic: scale data is for an empty one (pass --force to add a second clinic).',
      );
    }
    const passwordHash = await hashPassword(options.password ?? `scale-${crypto.randomUUID()}`);
    const clinicId = `${tag}clinic`;
    const adminUserId = `${tag}usr_admin`;
    const receptionUserId = `${tag}usr_staff1`;
    const nowIso = now.toISOString();
    const context: ScaleContext = { client, step, tag, clinicId, receptionUserId, nowIso, P, A, C };

    await client.query('BEGIN');
    // Bulk load: losing it in a crash costs a re-run, not data.
    await client.query('SET LOCAL synchronous_commit = off');
    await client.query('SELECT setseed(0.1307)');
    await seedClinicAndPatients(context, passwordHash);
    await seedAppointments(context);
    await seedReminders(context);
    await seedVideo(context);
    await seedAudit(context);
    await client.query('COMMIT');
    // What autovacuum would soon do to a freshly loaded table: statistics for the planner, and the
    // visibility map that lets a count be an index-only scan (the reminders list's totals).
    log('  vacuuming and analysing tables…');
    await client.query('VACUUM (ANALYZE)');
    const seconds = (performance.now() - started) / 1000;
    return {
      clinicId,
      tag,
      adminUserId,
      receptionUserId,
      clinicianUserIds: Array.from({ length: C }, (_, i) => `${tag}usr_c${i + 1}`),
      counts,
      seconds,
    };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
}
