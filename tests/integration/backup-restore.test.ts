// The README's backup and restore, done for real: the demo data is dumped with
// `pg_dump -Fc`, restored with `pg_restore` into a fresh database, and the
// portal pointed at the copy finds its migrations applied and serves the same
// patients, appointment and join link.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';
import { describe, expect, it } from 'vitest';

import { getAppointment } from '@/lib/appointments/get-appointment';
import type { SessionUser } from '@/lib/auth/session-user';
import { databaseUrl, db, disconnectDb } from '@/lib/db/client';
import { setEnvForThisProcess } from '@/lib/env';
import { listPatients } from '@/lib/patients/list-patients';
import { createDemoJoinLink } from '@/lib/video/links/create-demo-join-link';
import { getJoinPage } from '@/lib/video/links/get-join-page';
import { seedDatabase } from '@/scripts/seed/seed-database';

import { createDatabase, dropDatabase, withDatabase } from '../helpers/database-admin';

const NOW = new Date('2026-06-15T01:00:00.000Z');

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { env, encoding: 'utf8' });
  if (result.error) throw result.error;
  return result;
}

function majorOf(text: string): number {
  return Number(/(\d+)(?:\.\d+)?/.exec(text)?.[1] ?? 0);
}

async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
    return Math.floor(Number(rows[0]!.v) / 10_000);
  } finally {
    await client.end();
  }
}

const sourceUrl = databaseUrl();
const clientMajor = majorOf(run('pg_dump', ['--version']).stdout);
const server = await serverMajor(sourceUrl);
// pg_dump refuses a server newer than itself. That happens only on the embedded
// server (PostgreSQL 18, used when DATABASE_URL is unset) with an older client
// on the machine; CI sets DATABASE_URL to a server of the client's version.
const clientTooOld = clientMajor < server;

describe('backup and restore', () => {
  it.skipIf(clientTooOld)(
    `a pg_dump -Fc restored into a fresh database is served by the portal (pg_dump ${clientMajor}, server ${server})`,
    async () => {
      const seeded = await seedDatabase(db(), NOW);
      expect(seeded.nextTelehealthId).not.toBeNull();
      const link = await createDemoJoinLink(seeded.nextTelehealthId!);
      const token = decodeURIComponent(link.slice(link.lastIndexOf('/') + 1));
      const patients = await db().patient.count();
      const appointments = await db().appointment.count();
      const staff = await db().user.findFirstOrThrow({ where: { role: 'ADMIN' } });

      const dir = mkdtempSync(path.join(os.tmpdir(), 'tp-backup-'));
      const dumpFile = path.join(dir, 'portal.dump');
      const restoredName = `tp_restore_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      const restoredUrl = withDatabase(sourceUrl, restoredName);
      try {
        const dump = run('pg_dump', ['-Fc', '--no-owner', '--file', dumpFile, '--dbname', sourceUrl]);
        expect(dump.status, dump.stderr).toBe(0);
        expect(statSync(dumpFile).size).toBeGreaterThan(0);

        // An empty database, as on a new server: template0 carries nothing of template1's.
        await createDatabase(sourceUrl, restoredName, 'template0');
        const restore = run('pg_restore', [
          '--no-owner',
          '--exit-on-error',
          '--single-transaction',
          '--dbname',
          restoredUrl,
          dumpFile,
        ]);
        expect(restore.status, restore.stderr).toBe(0);

        // The deploy step run against the restored copy has nothing to apply.
        const migrate = run('npm', ['run', '--silent', 'db:migrate'], {
          ...process.env,
          DATABASE_URL: restoredUrl,
        });
        expect(migrate.status, migrate.stderr).toBe(0);
        expect(migrate.stdout).toMatch(/Database is up to date \(\d+ migrations\)/);

        // The portal, now on the restored database, serves what was seeded.
        await disconnectDb();
        setEnvForThisProcess('DATABASE_URL', restoredUrl);
        expect(databaseUrl()).toBe(restoredUrl);
        const user: SessionUser = {
          id: staff.id,
          clinicId: staff.clinicId,
          role: staff.role,
          name: staff.name,
          email: staff.email,
          clinicianId: null,
          sessionId: 'restore-test',
        };
        expect((await listPatients(user)).total).toBe(patients);
        expect(await db().appointment.count()).toBe(appointments);
        expect((await getAppointment(user, seeded.nextTelehealthId!)).id).toBe(seeded.nextTelehealthId);
        expect((await getJoinPage(token, NOW)).kind).toBe('ok');
      } finally {
        await disconnectDb();
        setEnvForThisProcess('DATABASE_URL', sourceUrl);
        await dropDatabase(restoredUrl);
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
