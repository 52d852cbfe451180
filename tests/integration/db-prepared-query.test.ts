// Hot-path reads run as prepared statements on the pg pool Prisma shares
// (lib/db/client.ts: preparedQuery), outside Prisma's own date handling. They
// must agree with Prisma to the millisecond whatever time zone the PostgreSQL
// session or the Node process is in: a server set to Sydney must not shift a
// session by 11 hours (pg reads a plain timestamp in the process's zone).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { databaseUrl, db, disconnectDb } from '@/lib/db/client';
import { loadAppointmentVideoFacts } from '@/lib/video/rooms/appointment-video-facts';
import { recordRoomEvent } from '@/lib/video/events/record-room-event';

import { createAppointmentRow, createPatient, createReminderClinic } from '../helpers/reminder-fixtures';
import { createUser } from '../helpers/scheduling-fixtures';

const startsAt = new Date('2026-04-05T02:30:00.123Z'); // the night Sydney leaves daylight saving
let appointmentId: string;
let previousTz: string | undefined;

async function setDatabaseTimeZone(zone: string) {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
  await client.query(`ALTER DATABASE "${rows[0]!.db}" SET timezone = '${zone}'`);
  await client.end();
  // New connections pick the setting up.
  await disconnectDb();
}

beforeAll(async () => {
  const clinic = await createReminderClinic();
  const clinician = await createUser(clinic.id, 'CLINICIAN');
  const patient = await createPatient(clinic.id);
  appointmentId = (
    await createAppointmentRow(clinician.clinicianId!, patient.id, { startsAt, kind: 'TELEHEALTH' })
  ).id;
  await setDatabaseTimeZone('Australia/Sydney');
  previousTz = process.env.TZ;
  process.env.TZ = 'Australia/Sydney';
});

afterAll(async () => {
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
  await setDatabaseTimeZone('UTC');
});

describe('prepared hot-path queries', () => {
  it('run in a session, and a process, on Sydney time', async () => {
    const [row] = await db().$queryRaw<{ tz: string }[]>`SELECT current_setting('TimeZone') AS tz`;
    expect(row!.tz).toBe('Australia/Sydney');
    expect(new Date('2026-01-01T00:00:00Z').getTimezoneOffset()).toBe(-660);
  });

  it('read an appointment’s times as the same instants Prisma wrote', async () => {
    const facts = await loadAppointmentVideoFacts(appointmentId);
    expect(facts!.startsAt.toISOString()).toBe(startsAt.toISOString());
    expect(facts!.endsAt.getTime() - facts!.startsAt.getTime()).toBe(50 * 60_000);
  });

  it('store a room event’s Timestamp as the instant Twilio sent, read back through Prisma', async () => {
    const sid = `RM${'f'.repeat(32)}`;
    await recordRoomEvent({
      RoomSid: sid,
      StatusCallbackEvent: 'room-created',
      Timestamp: new Date('2026-10-04T15:59:59.500Z'),
    });
    const event = await db().videoRoomEvent.findFirstOrThrow({ where: { roomSid: sid } });
    expect(event.occurredAt.toISOString()).toBe('2026-10-04T15:59:59.500Z');
  });
});
