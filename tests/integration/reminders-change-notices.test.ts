// Change notices through the real engine: a reschedule or a cancellation made
// by staff (lib/appointments) writes a notice with the change, and the reminder
// sender (called here as its job would be, at an injected time) sends it to the
// Twilio emulator, with consent, opt-outs, channels, quiet hours, the debounce
// and at-most-once as for any reminder.
import { beforeAll, describe, expect, it } from 'vitest';

import { POST as inbound } from '@/app/api/twilio/messages/inbound/route';

import { cancelAppointment } from '@/lib/appointments/cancel-appointment';
import { rescheduleAppointment } from '@/lib/appointments/reschedule-appointment';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { forgetReminderConfig } from '@/lib/reminders/templates/get-reminder-config';
import { NOTICE_DEBOUNCE_MS } from '@/lib/reminders/scheduling/plan-notice-time';
import { sendReminder, type SendReminderDeps } from '@/lib/reminders/sending/send-reminder';
import { addDays, todayIn, zonedTimeToUtc } from '@/lib/time/clinic-time';
import { getOrCreateJoinLink } from '@/lib/video/links/regenerate-join-link';

import {
  createAppointmentRow,
  createClinician,
  createPatient,
  creds,
  eventually,
  failNextMessageTo,
  reminderState,
} from '../helpers/reminder-fixtures';
import { setUpReminderSuite } from '../helpers/reminder-suite';
import { signedCallback } from '../helpers/signed-callback';
import { createUser } from '../helpers/scheduling-fixtures';

const TZ = 'Australia/Sydney';
const MIN = 60_000;
const suite = setUpReminderSuite({ timezone: TZ, clinician: false, resetEachTest: true });
let reception: SessionUser;
let deps: SendReminderDeps;

beforeAll(async () => {
  reception = await createUser(suite.clinicId, 'STAFF');
  deps = { client: suite.h.client() };
});

/** A Sydney wall-clock time `days` from today, as an instant. */
function sydney(days: number, time: string): Date {
  const r = zonedTimeToUtc(addDays(todayIn(TZ), days), time, TZ);
  if (!r.ok) throw new Error(`no such time ${time}`);
  return r.date;
}

const outboxTo = (e164: string) =>
  suite.h.emulator.outbox().filter((m) => m.to.replace(/^whatsapp:/, '') === e164);

async function notices(appointmentId: string) {
  return db().reminder.findMany({
    where: { appointmentId, source: 'CHANGE_NOTICE' },
    orderBy: { createdAt: 'asc' },
    include: { events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] }, messages: true },
  });
}

/** Runs a notice's job at `at` (by default once its debounce has passed). */
function sendAt(reminderId: string, at: Date) {
  return sendReminder(reminderId, { ...deps, now: () => at });
}

const move = (appointmentId: string, startsAt: Date, now: Date, notifyPatient = true) =>
  rescheduleAppointment(
    reception,
    appointmentId,
    { startsAt, endsAt: new Date(startsAt.getTime() + 50 * MIN) },
    { now, notifyPatient },
  );

const NOTICE_CONTENT_SID = `HX${'cd34'.repeat(8)}`;

/** Runs `fn` while the clinic's "moved" telehealth notice maps to an approved WhatsApp template. */
async function withWhatsappNoticeTemplate(fn: () => Promise<void>) {
  await db().changeNoticeTemplate.create({
    data: {
      clinicId: suite.clinicId,
      notice: 'MOVED',
      kind: 'TELEHEALTH',
      smsBody: '{clinic}: moved to {date} at {time}. Join: {link} {optout}',
      whatsappContentSid: NOTICE_CONTENT_SID,
    },
  });
  forgetReminderConfig(suite.clinicId);
  try {
    await fn();
  } finally {
    await db().changeNoticeTemplate.deleteMany({ where: { clinicId: suite.clinicId } });
    forgetReminderConfig(suite.clinicId);
  }
}

async function telehealth(startsAt: Date, patient: Parameters<typeof createPatient>[1] = {}) {
  const p = await createPatient(suite.clinicId, patient);
  // A clinician each, so no two tests' times clash.
  const a = await createAppointmentRow(await createClinician(suite.clinicId), p.id, {
    kind: 'TELEHEALTH',
    startsAt,
  });
  return { patient: p, appointment: a };
}

describe('a reschedule tells the patient', () => {
  it('sends one notice after the debounce, with the new time in the patient’s zone and the same join link', async () => {
    const { patient, appointment } = await telehealth(sydney(3, '10:00'), { preferredChannel: 'SMS' });
    const link = await getOrCreateJoinLink(reception, appointment.id);
    const changedAt = sydney(1, '10:00');
    await move(appointment.id, sydney(3, '11:30'), changedAt);

    const [notice, ...more] = await notices(appointment.id);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ status: 'SCHEDULED', noticeKind: 'MOVED' });
    expect(notice!.dueAt).toEqual(new Date(changedAt.getTime() + NOTICE_DEBOUNCE_MS));
    // Not before its time: the debounce is what lets later changes replace it.
    expect(await sendAt(notice!.id, new Date(changedAt.getTime() + MIN))).toBe('NOT_DUE');
    expect(outboxTo(patient.mobile)).toEqual([]);

    expect(await sendAt(notice!.id, notice!.dueAt)).toBe('ACCEPTED');
    expect(await sendAt(notice!.id, notice!.dueAt)).toBe('FINISHED');
    const sent = outboxTo(patient.mobile);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toMatch(/moved to \w{3} \d{1,2} \w{3} at 11:30 am AE[DS]T/);
    expect(sent[0]!.body).toContain(link.url);
    expect(sent[0]!.body).not.toContain(patient.familyName);
    const state = await reminderState(notice!.id);
    // SMS was the patient's only channel: sent by SMS, not a fallback.
    expect(state.messages).toMatchObject([{ channel: 'SMS', isFallback: false }]);
  });

  it('sends the WhatsApp notice template with the new day and time and the same link in its variables', async () => {
    const { patient, appointment } = await telehealth(sydney(3, '10:00'));
    const link = await getOrCreateJoinLink(reception, appointment.id);
    await withWhatsappNoticeTemplate(async () => {
      const changedAt = sydney(1, '10:00');
      await move(appointment.id, sydney(3, '11:30'), changedAt);
      const [notice] = await notices(appointment.id);
      expect(await sendAt(notice!.id, notice!.dueAt)).toBe('ACCEPTED');
      const [sent, ...others] = outboxTo(patient.mobile);
      expect(others).toEqual([]);
      expect(sent).toMatchObject({ to: `whatsapp:${patient.mobile}`, contentSid: NOTICE_CONTENT_SID });
      const vars = JSON.parse(sent!.contentVariables!) as Record<string, string>;
      expect(vars['3']).toMatch(/^11:30 am AE[DS]T$/);
      expect(vars['4']).toBe(link.url);
    });
  });
});

describe('several changes within the debounce become one message', () => {
  it('reschedule twice then cancel: exactly one notice, the cancellation, naming the time the patient knew', async () => {
    const { patient, appointment } = await telehealth(sydney(3, '10:00'), { preferredChannel: 'SMS' });
    const t0 = sydney(1, '10:00');
    await move(appointment.id, sydney(3, '11:30'), t0);
    await move(appointment.id, sydney(3, '13:00'), new Date(t0.getTime() + MIN));
    await cancelAppointment(reception, appointment.id, {}, { now: new Date(t0.getTime() + 2 * MIN) });

    const all = await notices(appointment.id);
    expect(all).toHaveLength(1);
    const notice = all[0]!;
    expect(notice).toMatchObject({ status: 'SCHEDULED', noticeKind: 'CANCELLED' });
    expect(notice.dueAt).toEqual(new Date(t0.getTime() + 2 * MIN + NOTICE_DEBOUNCE_MS));
    expect(notice.events.map((e) => [e.type, e.detail])).toEqual([
      ['SCHEDULED', 'NOTICE_MOVED'],
      ['REPLACED', 'NOTICE_MOVED'],
      ['REPLACED', 'NOTICE_CANCELLED'],
    ]);

    expect(await sendAt(notice.id, notice.dueAt)).toBe('ACCEPTED');
    const sent = outboxTo(patient.mobile);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toMatch(/on \w{3} \d{1,2} \w{3} at 10:00 am AE[DS]T is cancelled/);
    expect(sent[0]!.body).toContain('call 02 9000 0000');
    expect(sent[0]!.body).not.toContain('/join/');
  });

  it('a reschedule back to the original time before the notice went sends nothing', async () => {
    const { patient, appointment } = await telehealth(sydney(3, '10:00'), { preferredChannel: 'SMS' });
    const t0 = sydney(1, '10:00');
    await move(appointment.id, sydney(3, '11:30'), t0);
    await move(appointment.id, sydney(3, '10:00'), new Date(t0.getTime() + MIN));

    const [notice, ...more] = await notices(appointment.id);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ status: 'CANCELLED', reason: 'NOTICE_UNDONE' });
    expect(await sendAt(notice!.id, new Date(t0.getTime() + 10 * MIN))).toBe('FINISHED');
    expect(outboxTo(patient.mobile)).toEqual([]);
  });

  it('a change after the notice went gets a notice of its own, about the time the patient was told', async () => {
    const { patient, appointment } = await telehealth(sydney(3, '10:00'), { preferredChannel: 'SMS' });
    const t0 = sydney(1, '10:00');
    await move(appointment.id, sydney(3, '11:30'), t0);
    const [moved] = await notices(appointment.id);
    expect(await sendAt(moved!.id, moved!.dueAt)).toBe('ACCEPTED');

    await cancelAppointment(reception, appointment.id, {}, { now: new Date(t0.getTime() + 10 * MIN) });
    const [, cancelled, ...more] = await notices(appointment.id);
    expect(more).toEqual([]);
    expect(cancelled).toMatchObject({ status: 'SCHEDULED', noticeKind: 'CANCELLED' });
    expect(await sendAt(cancelled!.id, cancelled!.dueAt)).toBe('ACCEPTED');

    const bodies = outboxTo(patient.mobile).map((m) => m.body);
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toMatch(/moved to .* 11:30 am/);
    expect(bodies[1]).toMatch(/at 11:30 am AE[DS]T is cancelled/);
  });

  it('a notice overtaken while it was being claimed is not sent: the claim checks what it tells', async () => {
    const { patient, appointment } = await telehealth(sydney(3, '10:00'), { preferredChannel: 'SMS' });
    const t0 = sydney(1, '10:00');
    await move(appointment.id, sydney(3, '11:30'), t0);
    const [notice] = await notices(appointment.id);
    // The worker rendered "moved to 11:30"; the cancellation rewrote the notice before its claim.
    let cancelled = false;
    const send: SendReminderDeps['send'] = async (message, client) => {
      throw new Error(`no send expected, got ${message.channel} to ${client ? 'client' : 'default'}`);
    };
    const outcome = await sendReminder(notice!.id, {
      ...deps,
      send,
      now: () => notice!.dueAt,
      joinUrl: async () => {
        if (!cancelled) {
          cancelled = true;
          await cancelAppointment(reception, appointment.id, {}, { now: new Date(t0.getTime() + MIN) });
        }
        return 'https://portal.example/join/x';
      },
    });
    expect(outcome).toBe('BUSY');
    expect(outboxTo(patient.mobile)).toEqual([]);
    const [after, ...more] = await notices(appointment.id);
    expect(more).toEqual([]);
    expect(after).toMatchObject({ status: 'SCHEDULED', noticeKind: 'CANCELLED', messages: [] });
  });
});

describe('a notice overtaken in flight', () => {
  it('gets no SMS fallback once a later change has its own notice: the patient is not told a time that no longer holds', async () => {
    const { patient, appointment } = await telehealth(sydney(3, '10:00'));
    const t0 = sydney(1, '10:00');
    await withWhatsappNoticeTemplate(async () => {
      await move(appointment.id, sydney(3, '11:30'), t0);
      const [moved] = await notices(appointment.id);
      // WhatsApp takes it, then reports it failed (after the appointment was cancelled).
      failNextMessageTo(suite.h, patient.mobile, 'failed', 63003);
      expect(await sendAt(moved!.id, moved!.dueAt)).toBe('ACCEPTED');
      await cancelAppointment(reception, appointment.id, {}, { now: new Date(t0.getTime() + 5 * MIN) });
      await suite.h.emulator.idle();
      await eventually(async () => expect((await reminderState(moved!.id)).status).toBe('SENDING'));

      // The fallback job finds the notice out of date: nothing more for it.
      expect(await sendAt(moved!.id, new Date(t0.getTime() + 6 * MIN))).toBe('CANCELLED');
      expect(await reminderState(moved!.id)).toMatchObject({
        status: 'CANCELLED',
        reason: 'NOTICE_SUPERSEDED',
      });
      const [, cancelled] = await notices(appointment.id);
      expect(await sendAt(cancelled!.id, cancelled!.dueAt)).toBe('ACCEPTED');
    });
    const sent = outboxTo(patient.mobile);
    expect(sent.map((m) => m.to)).toEqual([`whatsapp:${patient.mobile}`, patient.mobile]);
    // The cancellation names the time the appointment had when it was cancelled (the moved notice had gone).
    expect(sent[1]!.body).toMatch(/at 11:30 am AE[DS]T is cancelled/);
  });
});

describe('quiet hours', () => {
  it('holds a notice made at night until quiet hours end when that still leaves two hours', async () => {
    const { appointment } = await telehealth(sydney(3, '15:00'), { preferredChannel: 'SMS' });
    await move(appointment.id, sydney(3, '11:00'), sydney(2, '22:00'));
    const [notice] = await notices(appointment.id);
    expect(notice).toMatchObject({ status: 'SCHEDULED', movedByQuietHours: true });
    expect(notice!.dueAt).toEqual(sydney(3, '08:00'));
    expect(notice!.events.map((e) => [e.type, e.detail])).toEqual([
      ['SCHEDULED', 'NOTICE_MOVED'],
      ['QUIET_HOURS', 'HELD'],
    ]);
  });

  it('sends at night when holding it would leave the patient under two hours before the earlier of the two times', async () => {
    const { patient, appointment } = await telehealth(sydney(3, '15:00'), { preferredChannel: 'SMS' });
    const changedAt = sydney(2, '22:00');
    await move(appointment.id, sydney(3, '09:00'), changedAt);
    const [notice] = await notices(appointment.id);
    expect(notice!.dueAt).toEqual(new Date(changedAt.getTime() + NOTICE_DEBOUNCE_MS));
    expect(notice!.events.map((e) => [e.type, e.detail])).toContainEqual(['QUIET_HOURS', 'URGENT']);
    expect(await sendAt(notice!.id, notice!.dueAt)).toBe('ACCEPTED');
    expect(outboxTo(patient.mobile)[0]!.body).toMatch(/9:00 am/);
  });

  it('sends a cancellation at night for an appointment early the next morning', async () => {
    const { appointment } = await telehealth(sydney(3, '08:30'), { preferredChannel: 'SMS' });
    const changedAt = sydney(2, '21:30');
    await cancelAppointment(reception, appointment.id, {}, { now: changedAt });
    const [notice] = await notices(appointment.id);
    expect(notice!.dueAt).toEqual(new Date(changedAt.getTime() + NOTICE_DEBOUNCE_MS));
  });
});

describe('who is not told, and why', () => {
  it('skips a patient without consent and one who opted out of SMS, each with its reason', async () => {
    const none = await telehealth(sydney(3, '10:00'), { consent: false });
    const optedOut = await telehealth(sydney(3, '12:00'), { whatsapp: false, smsOptOut: true });
    for (const { appointment } of [none, optedOut]) {
      await move(appointment.id, new Date(appointment.startsAt.getTime() + 60 * MIN), sydney(1, '10:00'));
    }
    const [a] = await notices(none.appointment.id);
    const [b] = await notices(optedOut.appointment.id);
    expect(await sendAt(a!.id, a!.dueAt)).toBe('SKIPPED');
    expect(await sendAt(b!.id, b!.dueAt)).toBe('SKIPPED');
    expect(await reminderState(a!.id)).toMatchObject({ status: 'SKIPPED', reason: 'NO_CONSENT' });
    expect(await reminderState(b!.id)).toMatchObject({ status: 'SKIPPED', reason: 'SMS_OPTED_OUT' });
    expect(outboxTo(none.patient.mobile)).toEqual([]);
    expect(outboxTo(optedOut.patient.mobile)).toEqual([]);
  });

  it('sends nothing when staff turn "notify the patient" off, and records that choice in the audit log', async () => {
    const { patient, appointment } = await telehealth(sydney(3, '10:00'), { preferredChannel: 'SMS' });
    await move(appointment.id, sydney(3, '11:30'), sydney(1, '10:00'), false);
    const [notice, ...more] = await notices(appointment.id);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ status: 'SKIPPED', reason: 'NOT_NOTIFIED' });
    expect(await sendAt(notice!.id, sydney(1, '11:00'))).toBe('FINISHED');
    expect(outboxTo(patient.mobile)).toEqual([]);
    const audit = await db().auditLog.findFirstOrThrow({
      where: { entityId: appointment.id, entityType: 'Appointment' },
      orderBy: { at: 'desc' },
    });
    expect(audit).toMatchObject({
      actorId: reception.id,
      detail: { operation: 'reschedule', notifyPatient: false },
    });
  });

  it('a cancellation staff chose not to notify also stops the reschedule notice still waiting', async () => {
    const { patient, appointment } = await telehealth(sydney(3, '10:00'), { preferredChannel: 'SMS' });
    const t0 = sydney(1, '10:00');
    await move(appointment.id, sydney(3, '11:30'), t0);
    await cancelAppointment(
      reception,
      appointment.id,
      {},
      { now: new Date(t0.getTime() + MIN), notifyPatient: false },
    );
    const all = await notices(appointment.id);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ status: 'SKIPPED', reason: 'NOT_NOTIFIED', noticeKind: 'CANCELLED' });
    expect(await sendAt(all[0]!.id, new Date(t0.getTime() + 10 * MIN))).toBe('FINISHED');
    expect(outboxTo(patient.mobile)).toEqual([]);
  });
});

describe('replies and channel labels', () => {
  it('a confirmation reply to the notice moves the appointment to Confirmed, audited as the patient', async () => {
    const { patient, appointment } = await telehealth(sydney(3, '10:00'), { preferredChannel: 'SMS' });
    await db().appointment.update({ where: { id: appointment.id }, data: { status: 'CONFIRMED' } });
    // The move takes a confirmed appointment back to booked; the patient confirms the new time.
    await move(appointment.id, sydney(3, '11:30'), sydney(1, '10:00'));
    const [notice] = await notices(appointment.id);
    expect(await sendAt(notice!.id, notice!.dueAt)).toBe('ACCEPTED');
    expect((await db().appointment.findUniqueOrThrow({ where: { id: appointment.id } })).status).toBe(
      'BOOKED',
    );

    const url = `${suite.h.routes.url}/api/twilio/messages/inbound`;
    const params = { MessageSid: `SM${'7'.repeat(32)}`, From: patient.mobile, Body: 'YES' };
    const res = await inbound(signedCallback(url, params, creds.authToken), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect((await db().appointment.findUniqueOrThrow({ where: { id: appointment.id } })).status).toBe(
      'CONFIRMED',
    );
    const audit = await db().auditLog.findFirstOrThrow({
      where: { entityId: appointment.id, detail: { path: ['operation'], equals: 'confirm-by-reply' } },
    });
    expect(audit).toMatchObject({ actorId: null, detail: { by: 'patient' } });
  });

  it('an SMS after a WhatsApp failure is a fallback; an SMS because WhatsApp could not be used is not', async () => {
    const failed = await telehealth(sydney(3, '10:00'));
    const noWhatsapp = await telehealth(sydney(3, '12:00'), { whatsapp: false });
    suite.h.emulator.injectFailure({
      path: '/2010-04-01/Accounts/*/Messages.json',
      to: `whatsapp:${failed.patient.mobile}`,
      fault: { type: 'error', code: 63016, status: 400 },
    });
    const sentIds: string[] = [];
    await withWhatsappNoticeTemplate(async () => {
      for (const { appointment } of [failed, noWhatsapp]) {
        await move(appointment.id, new Date(appointment.startsAt.getTime() + 60 * MIN), sydney(1, '10:00'));
        const [notice] = await notices(appointment.id);
        expect(await sendAt(notice!.id, notice!.dueAt)).toBe('ACCEPTED');
        sentIds.push(notice!.id);
      }
    });
    const [a, b] = await Promise.all(sentIds.map((id) => reminderState(id)));
    expect(a!.messages.find((m) => m.channel === 'SMS')).toMatchObject({
      isFallback: true,
      fallbackReason: 'WHATSAPP_FAILED',
    });
    expect(a!.events.map((e) => e.type)).toContain('FALLBACK');
    expect(b!.messages).toMatchObject([
      { channel: 'SMS', isFallback: false, fallbackReason: 'NO_WHATSAPP_CONSENT' },
    ]);
    expect(b!.events.map((e) => e.type)).toContain('SMS_ONLY');
    expect(b!.events.map((e) => e.type)).not.toContain('FALLBACK');
  });
});
