// Reminders around the appointment's life, through the real booking,
// reschedule and cancel functions: the policy creates them, a move moves them
// (and their queued jobs), a cancellation cancels them. Staff add, move,
// cancel and resend; admins edit the policy and templates.
import { beforeAll, describe, expect, it } from 'vitest';

import { cancelAppointment } from '@/lib/appointments/cancel-appointment';
import { createAppointment } from '@/lib/appointments/create-appointment';
import { rescheduleAppointment } from '@/lib/appointments/reschedule-appointment';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { jobSender } from '@/lib/jobs/job-sender';
import { addReminder } from '@/lib/reminders/staff/add-reminder';
import { cancelReminder } from '@/lib/reminders/staff/cancel-reminder';
import { getAppointmentReminders } from '@/lib/reminders/views/get-appointment-reminders';
import { forgetReminderConfig } from '@/lib/reminders/templates/get-reminder-config';
import { moveReminder } from '@/lib/reminders/staff/move-reminder';
import { sendReminderQueue } from '@/lib/jobs/reminder-queues';
import { resendReminder } from '@/lib/reminders/staff/resend-reminder';
import { saveReminderSettings } from '@/lib/reminders/templates/save-reminder-settings';
import { saveReminderTemplate } from '@/lib/reminders/templates/save-reminder-template';
import { sendReminder } from '@/lib/reminders/sending/send-reminder';
import { summariseReminderDays } from '@/lib/reminders/views/summarise-reminder-days';
import { formatInTimeZone, zonedTimeToUtc } from '@/lib/time/clinic-time';

import { createPatient, createReminderClinic, reminderState } from '../helpers/reminder-fixtures';
import { setUpReminderSuite } from '../helpers/reminder-suite';
import { createUser } from '../helpers/scheduling-fixtures';

const suite = setUpReminderSuite({ clinician: false });
let staff: SessionUser;
let admin: SessionUser;
let clinician: SessionUser;
const tz = 'Australia/Sydney';
const HOUR = 3_600_000;

beforeAll(async () => {
  staff = await createUser(suite.clinicId, 'STAFF');
  admin = await createUser(suite.clinicId, 'ADMIN');
  clinician = await createUser(suite.clinicId, 'CLINICIAN');
});

/** An appointment at 10:00 Sydney time, `days` from now. */
function tenAm(days: number): Date {
  const date = formatInTimeZone(new Date(Date.now() + days * 24 * HOUR), tz, 'yyyy-MM-dd');
  const r = zonedTimeToUtc(date, '10:00', tz);
  if (!r.ok) throw new Error('no 10:00');
  return r.date;
}

async function book(startsAt: Date, patientId?: string) {
  const patient = patientId ?? (await createPatient(suite.clinicId)).id;
  const { id } = await createAppointment(staff, {
    patientId: patient,
    clinicianId: clinician.clinicianId!,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 50 * 60_000),
    kind: 'IN_PERSON',
  });
  return id;
}

// The policy's reminders; the change notices a move or cancellation writes are in reminders-change-notices.test.ts.
const reminders = (appointmentId: string) =>
  db().reminder.findMany({
    where: { appointmentId, source: { not: 'CHANGE_NOTICE' } },
    orderBy: [{ offsetMinutes: 'desc' }, { createdAt: 'asc' }],
  });

async function waitingJob(reminderId: string) {
  const boss = await jobSender(sendReminderQueue);
  const found = await boss.findJobs(sendReminderQueue.name, { key: reminderId, queued: true });
  return found;
}

describe('the clinic policy', () => {
  it('gives a new appointment its 24-hour and 2-hour reminders, each queued for its time', async () => {
    const startsAt = tenAm(5);
    const id = await book(startsAt);
    const rows = await reminders(id);
    expect(rows.map((r) => [r.source, r.offsetMinutes, r.status])).toEqual([
      ['POLICY', 1440, 'SCHEDULED'],
      ['POLICY', 120, 'SCHEDULED'],
    ]);
    expect(rows[0]!.dueAt.getTime()).toBe(startsAt.getTime() - 24 * HOUR);
    expect(rows[1]!.dueAt.getTime()).toBe(startsAt.getTime() - 2 * HOUR);
    const jobs = await waitingJob(rows[1]!.id);
    expect(jobs).toHaveLength(1);
    expect(new Date(jobs[0]!.startAfter).getTime()).toBe(rows[1]!.dueAt.getTime());
  });

  it('moves a reminder out of quiet hours, and shows it: 2 hours before 9:30 am is sent at 7:59 pm the evening before', async () => {
    const date = formatInTimeZone(new Date(Date.now() + 4 * 24 * HOUR), tz, 'yyyy-MM-dd');
    const r = zonedTimeToUtc(date, '09:30', tz);
    const id = await book(r.ok ? r.date : new Date());
    const two = (await reminders(id)).find((x) => x.offsetMinutes === 120)!;
    expect(two.movedByQuietHours).toBe(true);
    expect(formatInTimeZone(two.dueAt, tz, 'HH:mm')).toBe('19:59');
  });

  it('keeps a reminder whose time has passed as skipped, with the reason', async () => {
    const id = await book(new Date(Date.now() + 5 * HOUR));
    const rows = await reminders(id);
    expect(rows.find((x) => x.offsetMinutes === 1440)).toMatchObject({
      status: 'SKIPPED',
      reason: 'TIME_PASSED',
    });
  });

  it('moves waiting reminders and their jobs when the appointment is rescheduled', async () => {
    const id = await book(tenAm(6));
    const newStart = tenAm(8);
    await rescheduleAppointment(staff, id, {
      startsAt: newStart,
      endsAt: new Date(newStart.getTime() + 50 * 60_000),
    });
    const rows = await reminders(id);
    expect(rows.map((r) => [r.offsetMinutes, r.status])).toEqual([
      [1440, 'SCHEDULED'],
      [120, 'SCHEDULED'],
    ]);
    expect(rows[0]!.dueAt.getTime()).toBe(newStart.getTime() - 24 * HOUR);
    const jobs = await waitingJob(rows[0]!.id);
    expect(jobs).toHaveLength(1);
    expect(new Date(jobs[0]!.startAfter).getTime()).toBe(rows[0]!.dueAt.getTime());
    expect((await reminderState(rows[0]!.id)).events.map((e) => e.type)).toEqual(['SCHEDULED', 'MOVED']);
  });

  it('plans a new reminder for the new time when the old one had already gone out', async () => {
    const id = await book(tenAm(3));
    const [day] = await reminders(id);
    await db().reminder.update({ where: { id: day!.id }, data: { status: 'DELIVERED' } });
    const newStart = tenAm(9);
    await rescheduleAppointment(staff, id, {
      startsAt: newStart,
      endsAt: new Date(newStart.getTime() + 50 * 60_000),
    });
    const rows = await reminders(id);
    expect(
      rows
        .filter((r) => r.offsetMinutes === 1440)
        .map((r) => r.status)
        .sort(),
    ).toEqual(['DELIVERED', 'SCHEDULED']);
  });

  it('cancels pending reminders when the appointment is cancelled, and a job that still fires sends nothing', async () => {
    const id = await book(tenAm(10));
    await cancelAppointment(staff, id, { reason: 'Patient unwell' });
    const rows = await reminders(id);
    expect(rows.map((r) => [r.status, r.reason])).toEqual([
      ['CANCELLED', 'APPOINTMENT_CANCELLED'],
      ['CANCELLED', 'APPOINTMENT_CANCELLED'],
    ]);
    expect(await sendReminder(rows[0]!.id, { client: suite.h.client() })).toBe('FINISHED');
    expect(suite.h.emulator.outbox()).toEqual([]);
  });
});

describe('staff on one appointment', () => {
  it('add a reminder at a chosen time, move it, and cancel it', async () => {
    const startsAt = tenAm(11);
    const id = await book(startsAt);
    const at = new Date(startsAt.getTime() - 30 * HOUR); // 4 am: quiet hours
    const added = await addReminder(staff, id, { sendAt: at });
    expect(added.status).toBe('SCHEDULED');
    expect(formatInTimeZone(added.dueAt, tz, 'HH:mm')).toBe('19:59');

    const moved = await moveReminder(staff, added.id, { sendAt: new Date(startsAt.getTime() - 1.5 * HOUR) });
    expect(moved).toMatchObject({ status: 'SCHEDULED', dueAt: new Date(startsAt.getTime() - 1.5 * HOUR) });
    expect((await reminderState(added.id)).offsetMinutes).toBe(90);

    await cancelReminder(staff, added.id);
    expect(await reminderState(added.id)).toMatchObject({
      status: 'CANCELLED',
      reason: 'CANCELLED_BY_STAFF',
    });
    await expect(cancelReminder(staff, added.id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuse a time after the appointment starts, with a message for the field', async () => {
    const startsAt = tenAm(12);
    const id = await book(startsAt);
    await expect(
      addReminder(staff, id, { sendAt: new Date(startsAt.getTime() + HOUR) }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { sendAt: ['Choose a time before the appointment starts.'] },
    });
  });

  it('resend: a new reminder due now that goes out once, leaving the original as it was', async () => {
    const patient = await createPatient(suite.clinicId, { preferredChannel: 'SMS' });
    const id = await book(tenAm(2), patient.id);
    const quietNow = await resendReminder(staff, id, zonedNow('21:00'));
    expect(quietNow).toMatchObject({ status: 'SKIPPED', reason: 'NO_ALLOWED_TIME' });
    // The worker's clock is the resend's: 11:00 on the clinic's clock, whatever time the suite runs.
    const at = zonedNow('11:00');
    const result = await resendReminder(staff, id, at);
    expect(result.status).toBe('SCHEDULED');
    expect(await sendReminder(result.id, { client: suite.h.client(), now: () => at })).toBe('ACCEPTED');
    expect(suite.h.emulator.outbox().filter((m) => m.to === patient.mobile)).toHaveLength(1);
  });

  it('are refused to clinicians, and to staff of another clinic (not found)', async () => {
    const id = await book(tenAm(14));
    await expect(addReminder(clinician, id, { sendAt: new Date(Date.now() + HOUR) })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const otherClinic = await createReminderClinic();
    const outsider = await createUser(otherClinic.id, 'STAFF');
    await expect(getAppointmentReminders(outsider, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('shows why nothing can be sent to a patient without consent', async () => {
    const patient = await createPatient(suite.clinicId, { consent: false });
    const id = await book(tenAm(15), patient.id);
    const data = await getAppointmentReminders(staff, id);
    expect(data.plan).toMatchObject({ channels: [], blockedReason: 'NO_CONSENT' });
  });
});

describe('admin settings', () => {
  it('change the policy for appointments booked afterwards', async () => {
    await saveReminderSettings(admin, {
      offsetsHours: '48, 3',
      quietStart: '21:00',
      quietEnd: '07:30',
      whatsappEnabled: 'on',
    });
    const id = await book(tenAm(16));
    expect((await reminders(id)).map((r) => r.offsetMinutes)).toEqual([2880, 180]);
    await saveReminderSettings(admin, {
      offsetsHours: '24, 2',
      quietStart: '20:00',
      quietEnd: '08:00',
      whatsappEnabled: 'on',
    });
  });

  it('refuse a policy with a bad time or too many reminders, and refuse staff', async () => {
    await expect(
      saveReminderSettings(admin, { offsetsHours: '24, x', quietStart: '20:00', quietEnd: '08:00' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(
      saveReminderSettings(admin, { offsetsHours: '1,2,3,4,5', quietStart: '20:00', quietEnd: '08:00' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(
      saveReminderSettings(admin, { offsetsHours: '24', quietStart: '25:00', quietEnd: '08:00' }),
    ).rejects.toMatchObject({
      fieldErrors: { quietStart: ['Enter a time as HH:MM, e.g. 20:00.'] },
    });
    await expect(
      saveReminderSettings(staff, { offsetsHours: '24', quietStart: '20:00', quietEnd: '08:00' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('save a template only with known placeholders and the opt-out, and a well-formed ContentSid', async () => {
    await expect(
      saveReminderTemplate(admin, {
        kind: 'IN_PERSON',
        smsBody: '{clinic} {date} {time} {diagnosis} {optout}',
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(
      saveReminderTemplate(admin, {
        kind: 'IN_PERSON',
        smsBody: '{clinic} {date} {time} {optout}',
        whatsappContentSid: 'HX123',
      }),
    ).rejects.toMatchObject({ fieldErrors: { whatsappContentSid: [expect.stringContaining('HX')] } });
    await saveReminderTemplate(admin, {
      kind: 'IN_PERSON',
      smsBody: '{clinic}: see you {date} at {time}. {optout}',
      whatsappContentSid: `HX${'f'.repeat(32)}`,
    });
    forgetReminderConfig();
    const row = await db().reminderTemplate.findUniqueOrThrow({
      where: { clinicId_kind: { clinicId: suite.clinicId, kind: 'IN_PERSON' } },
    });
    expect(row.whatsappContentSid).toBe(`HX${'f'.repeat(32)}`);
  });
});

describe('daily summary', () => {
  /** Books the patient at 10 am in `days` days, sends them a reminder at 11:00 today, and reads today's summary. */
  async function sendNowAndSummarise(patientId: string, days: number) {
    const id = await book(tenAm(days), patientId);
    const at = zonedNow('11:00');
    const reminder = await resendReminder(staff, id, at);
    expect(await sendReminder(reminder.id, { client: suite.h.client(), now: () => at })).toBe('ACCEPTED');
    await suite.h.emulator.idle();
    return (await summariseReminderDays(staff, tz))[0]!;
  }

  it('counts sent, delivered and failed per clinic day, and as fallbacks only SMS sent after WhatsApp failed', async () => {
    const before = (await summariseReminderDays(staff, tz))[0]!;
    // No WhatsApp consent: SMS is the only channel, which is not a fallback.
    const smsOnly = await createPatient(suite.clinicId, { whatsapp: false });
    const middle = await sendNowAndSummarise(smsOnly.id, 20);
    expect(middle.sentSms - before.sentSms).toBe(1);
    expect(middle.fallbacks - before.fallbacks).toBe(0);

    const patient = await createPatient(suite.clinicId);
    suite.h.emulator.injectFailure({
      path: '/2010-04-01/Accounts/*/Messages.json',
      to: `whatsapp:${patient.mobile}`,
      fault: { type: 'error', code: 63016, status: 400 },
    });
    const after = await sendNowAndSummarise(patient.id, 13);
    expect(after.sentSms - middle.sentSms).toBe(1);
    expect(after.fallbacks - middle.fallbacks).toBe(1);
  });
});

/** "Now" at a given clinic time today (a fixed clock for quiet-hours decisions). */
function zonedNow(time: string): Date {
  const date = formatInTimeZone(new Date(), tz, 'yyyy-MM-dd');
  const r = zonedTimeToUtc(date, time, tz);
  if (!r.ok) throw new Error('bad time');
  return r.date;
}
