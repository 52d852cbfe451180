// The reminders list's total is counted from the clinic the database stores on
// each reminder (trigger Reminder_set_clinic), not through the appointment's
// joins. These tests prove that count stays the list's own: the clinic's
// reminders only, and every status filter agreeing with the rows.
import { describe, expect, it } from 'vitest';

import { db } from '@/lib/db/client';
import { listReminders } from '@/lib/reminders/views/list-reminders';
import { summariseReminderDays } from '@/lib/reminders/views/summarise-reminder-days';
import { reminderListFiltersSchema } from '@/lib/schemas/reminder';

import { createAppointmentRow, createDueReminder, createPatient } from '../helpers/reminder-fixtures';
import { createClinic, createUser } from '../helpers/scheduling-fixtures';

const TZ = 'Australia/Sydney';
const filters = (f: Record<string, string>) => reminderListFiltersSchema.parse(f);

async function clinicWithReminders(count: number) {
  const clinic = await createClinic();
  const reception = await createUser(clinic.id, 'STAFF');
  const clinician = await createUser(clinic.id, 'CLINICIAN');
  const other = await createUser(clinic.id, 'CLINICIAN');
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const patient = await createPatient(clinic.id);
    const appointment = await createAppointmentRow(
      i % 2 === 0 ? clinician.clinicianId! : other.clinicianId!,
      patient.id,
    );
    ids.push((await createDueReminder(appointment.id, patient.id, new Date(Date.now() + i * 60_000))).id);
  }
  return { clinic, reception, clinician, ids };
}

describe('reminders list total', () => {
  it('stores the patient’s clinic on every reminder created, whoever creates it', async () => {
    const { clinic, ids } = await clinicWithReminders(2);
    const rows = await db().reminder.findMany({ where: { id: { in: ids } }, select: { clinicId: true } });
    expect(rows.map((r) => r.clinicId)).toEqual([clinic.id, clinic.id]);
    // A reminder written with raw SQL, as the scale seed does, gets it too.
    const [reminder] = await db().reminder.findMany({ where: { id: ids[0] } });
    const [inserted] = await db().$queryRaw<Array<{ clinicId: string }>>`
      INSERT INTO "Reminder" ("id", "appointmentId", "patientId", "source", "offsetMinutes", "requestedAt", "dueAt", "updatedAt")
      VALUES (${`raw-${ids[0]}`}, ${reminder!.appointmentId}, ${reminder!.patientId}, 'STAFF', 60, now(), now(), now())
      RETURNING "clinicId"`;
    expect(inserted!.clinicId).toBe(clinic.id);
  });

  it('counts only the signed-in user’s clinic', async () => {
    const mine = await clinicWithReminders(5);
    await clinicWithReminders(3);
    const all = await listReminders(mine.reception, filters({ status: 'ALL' }), TZ);
    expect(all.total).toBe(5);
    expect(all.rows).toHaveLength(5);
  });

  it('agrees with the rows for each status filter', async () => {
    const { reception, ids } = await clinicWithReminders(4);
    await db().reminder.update({ where: { id: ids[0] }, data: { status: 'FAILED' } });
    await db().reminder.update({
      where: { id: ids[1] },
      data: { status: 'CANCELLED', cancelledAt: new Date() },
    });
    for (const status of ['UPCOMING', 'FAILED', 'CANCELLED', 'ALL']) {
      const page = await listReminders(reception, filters({ status }), TZ);
      expect(page.total, status).toBe(page.rows.length);
    }
    expect((await listReminders(reception, filters({ status: 'UPCOMING' }), TZ)).total).toBe(2);
  });

  it('counts only the clinic’s own messages in the 14-day totals', async () => {
    const mine = await clinicWithReminders(2);
    const theirs = await clinicWithReminders(3);
    const now = new Date();
    const send = (reminderId: string, i: number) =>
      db().reminderMessage.create({
        data: {
          reminderId,
          channel: 'SMS',
          status: 'DELIVERED',
          toAddress: '+61491570156',
          fromAddress: '+61480000001',
          claimToken: `claim-${reminderId}-${i}`,
          acceptedAt: now,
          deliveredAt: now,
        },
      });
    await Promise.all([...mine.ids, ...theirs.ids].map(send));
    const days = await summariseReminderDays(mine.reception, TZ, 14, now);
    const total = days.reduce((n, d) => n + d.sentSms, 0);
    expect(total).toBe(2);
    expect(days.reduce((n, d) => n + d.delivered, 0)).toBe(2);
  });
});
