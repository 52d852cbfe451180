// Clinic-scale data (issue 13 point 7) at a tiny fraction: the counts keep the
// full clinic's proportions, the rows are ones the app reads without trouble
// (dashboard, patients list and search, a patient's history, reminders page),
// and a database that already holds a clinic is refused unless forced.
import { beforeAll, describe, expect, it } from 'vitest';

import { listAppointments, listAppointmentsForView } from '@/lib/appointments/list-appointments';
import type { SessionUser } from '@/lib/auth/session-user';
import { databaseUrl, db } from '@/lib/db/client';
import { getPatientHistory } from '@/lib/patients/get-patient-history';
import { listPatients } from '@/lib/patients/list-patients';
import { listReminders } from '@/lib/reminders/views/list-reminders';
import { summariseReminderDays } from '@/lib/reminders/views/summarise-reminder-days';
import { reminderListFiltersSchema } from '@/lib/schemas/reminder';
import { todayIn } from '@/lib/time/clinic-time';
import { getWaitingList } from '@/lib/video/waiting-room/get-waiting-list';
import { SCALE_OFFSETS, ScaleSeedRefused, seedScale, type ScaleResult } from '@/scripts/seed/scale-data';
import { sessionUserOf } from '@/tests/helpers/session-user-of';

const now = new Date('2026-11-18T01:00:00Z');
const TZ = 'Australia/Sydney';
let seeded: ScaleResult;

async function sessionUser(id: string): Promise<SessionUser> {
  const u = await db().user.findUniqueOrThrow({ where: { id }, include: { clinician: true } });
  return sessionUserOf(u, 'test');
}

describe('clinic-scale seed at 0.001', () => {
  beforeAll(async () => {
    seeded = await seedScale(databaseUrl(), { scale: 0.001, now });
  });

  it('writes counts in the full clinic’s proportions', async () => {
    const [patients, appointments, reminders, messages, sessions, clinicians] = await Promise.all([
      db().patient.count(),
      db().appointment.count(),
      db().reminder.count(),
      db().reminderMessage.count(),
      db().videoSession.count(),
      db().clinician.count(),
    ]);
    expect(clinicians).toBe(20);
    expect(patients).toBe(20);
    expect(appointments).toBe(100);
    expect(reminders).toBe(appointments * SCALE_OFFSETS.length);
    // About four messages per appointment (400,000 for 100,000 at full scale).
    expect(messages / appointments).toBeGreaterThan(2.5);
    expect(messages / appointments).toBeLessThan(5.5);
    // Telehealth about 40%; sessions exist only for past telehealth.
    const telehealth = await db().appointment.count({ where: { kind: 'TELEHEALTH' } });
    expect(telehealth / appointments).toBeGreaterThan(0.2);
    expect(telehealth / appointments).toBeLessThan(0.6);
    expect(sessions).toBeLessThanOrEqual(telehealth);
    expect(await db().videoSession.count({ where: { appointment: { kind: 'IN_PERSON' } } })).toBe(0);
    expect(await db().videoRoomEvent.count()).toBeGreaterThan(sessions * 3);
    expect(await db().auditLog.count()).toBeGreaterThan(appointments);
    expect(seeded.counts.Appointment).toBe(appointments);
  });

  it('books weekdays between 9 and 5 on the clinic’s clock, with fictional mobiles', async () => {
    const rows = await db().appointment.findMany({ select: { startsAt: true } });
    for (const { startsAt } of rows) {
      const local = new Date(startsAt.toLocaleString('en-US', { timeZone: TZ }));
      expect(local.getDay()).toBeGreaterThanOrEqual(1);
      expect(local.getDay()).toBeLessThanOrEqual(5);
      expect(local.getHours()).toBeGreaterThanOrEqual(9);
      expect(local.getHours()).toBeLessThanOrEqual(16);
    }
    const mobiles = await db().patient.findMany({ select: { mobile: true } });
    for (const { mobile } of mobiles) expect(mobile).toMatch(/^\+6149157\d{4}$/);
  });

  it('serves the dashboard, the patients list and search, a patient’s history and the reminders page', async () => {
    const reception = await sessionUser(seeded.receptionUserId);
    const clinician = await sessionUser(seeded.clinicianUserIds[0]!);
    const busiest = await db().appointment.groupBy({
      by: ['patientId'],
      where: { startsAt: { lt: now } },
      _count: { _all: true },
      orderBy: { _count: { patientId: 'desc' } },
      take: 1,
    });
    const patientId = busiest[0]!.patientId;

    // A weekday with appointments: the day grid lists them.
    const someAppointment = await db().appointment.findFirstOrThrow({ orderBy: { startsAt: 'desc' } });
    const day = todayIn(TZ, someAppointment.startsAt);
    const { appointments } = await listAppointmentsForView(reception, {
      view: 'day',
      date: day,
      timeZone: TZ,
    });
    expect(appointments.map((a) => a.id)).toContain(someAppointment.id);
    await getWaitingList(reception, now);
    await listAppointmentsForView(clinician, { view: 'week', date: day, timeZone: TZ });

    const list = await listPatients(reception, { page: 1 });
    expect(list.total).toBe(await db().patient.count({ where: { archivedAt: null } }));
    expect(list.patients.length).toBeGreaterThan(0);
    const one = list.patients[0]!;
    const search = await listPatients(reception, { q: one.familyName });
    expect(search.patients.map((p) => p.id)).toContain(one.id);

    const history = await getPatientHistory(reception, patientId, { now, limit: 50 });
    expect(history.entries.some((e) => e.type === 'appointment')).toBe(true);
    expect(history.entries.some((e) => e.type === 'message')).toBe(true);
    await listAppointments(reception, { from: now, patientId, includeCancelled: false, limit: 10 });

    const reminders = await listReminders(reception, reminderListFiltersSchema.parse({ status: 'ALL' }), TZ);
    expect(reminders.total).toBe(await db().reminder.count());
    const days = await summariseReminderDays(reception, TZ, 14, now);
    expect(days).toHaveLength(14);
    // The 14 clinic days start between 13 and 14 days ago.
    const sent = days.reduce((n, d) => n + d.sentSms + d.sentWhatsapp, 0);
    const acceptedSince = (d: number) =>
      db().reminderMessage.count({
        where: { acceptedAt: { gte: new Date(now.getTime() - d * 86_400_000) } },
      });
    expect(sent).toBeGreaterThanOrEqual(await acceptedSince(13));
    expect(sent).toBeLessThanOrEqual(await acceptedSince(14));
  });

  it('refuses a database that already holds a clinic unless forced', async () => {
    await expect(seedScale(databaseUrl(), { scale: 0.001, now })).rejects.toBeInstanceOf(ScaleSeedRefused);
    const forced = await seedScale(databaseUrl(), {
      scale: 0.001,
      now: new Date(now.getTime() + 1),
      force: true,
    });
    expect(forced.clinicId).not.toBe(seeded.clinicId);
    expect(await db().clinic.count()).toBe(2);
  });
});
