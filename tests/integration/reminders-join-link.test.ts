// "Send link to patient": staff send the telehealth join link now, through the
// reminder engine (consent, opt-outs, SMS fallback, at most once), at any hour
// and after the start while the session is open; never a link that stops
// working, and never when nothing could be sent.
import { beforeAll, describe, expect, it } from 'vitest';

import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { JOIN_LINK_MESSAGES, sendJoinLink } from '@/lib/reminders/staff/send-join-link';
import { sendReminder, type SendReminderDeps } from '@/lib/reminders/sending/send-reminder';
import { getOrCreateJoinLink } from '@/lib/video/links/regenerate-join-link';

import { createAppointmentRow, createPatient, reminderState } from '../helpers/reminder-fixtures';
import { setUpReminderSuite } from '../helpers/reminder-suite';
import { createUser } from '../helpers/scheduling-fixtures';

const suite = setUpReminderSuite({ clinician: false, resetEachTest: true });
let clinicianUser: SessionUser;
let reception: SessionUser;
let deps: SendReminderDeps;
const MIN = 60_000;

beforeAll(async () => {
  // Quiet hours all day: a reminder could never go, a join link sent by staff still does.
  await db().reminderSettings.create({
    data: { clinicId: suite.clinicId, offsetsMinutes: [1440], quietStart: '00:00', quietEnd: '23:59' },
  });
  clinicianUser = await createUser(suite.clinicId, 'CLINICIAN');
  reception = await createUser(suite.clinicId, 'STAFF');
  deps = { client: suite.h.client() };
});

async function telehealth(startsInMinutes: number, patient: Parameters<typeof createPatient>[1] = {}) {
  const p = await createPatient(suite.clinicId, patient);
  const a = await createAppointmentRow(clinicianUser.clinicianId!, p.id, {
    kind: 'TELEHEALTH',
    startsAt: new Date(Date.now() + startsInMinutes * MIN),
  });
  return { patient: p, appointment: a };
}

const outboxTo = (e164: string) =>
  suite.h.emulator.outbox().filter((m) => m.to.replace(/^whatsapp:/, '') === e164);

describe('send link to patient', () => {
  it('sends the current link by SMS ten minutes after the start, in quiet hours, once, and shows it on the timeline', async () => {
    const { patient, appointment } = await telehealth(-10, { preferredChannel: 'SMS' });
    const link = await getOrCreateJoinLink(reception, appointment.id);

    const { reminderId, channels } = await sendJoinLink(reception, appointment.id);
    expect(channels).toEqual(['SMS']);
    expect(await sendReminder(reminderId, deps)).toBe('ACCEPTED');
    expect(await sendReminder(reminderId, deps)).toBe('FINISHED');

    const sent = outboxTo(patient.mobile);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toContain(link.url);
    // Every status callback the emulator will send has arrived, however busy the machine.
    await suite.h.emulator.idle();
    const state = await reminderState(reminderId);
    expect(state).toMatchObject({ source: 'JOIN_LINK', status: 'DELIVERED' });
    expect(state.events.map((e) => [e.type, e.detail])).toEqual([
      ['SCHEDULED', 'JOIN_LINK'],
      ['SENT', null],
      ['DELIVERED', null],
    ]);
    expect(state.messages[0]!.segments).toBeGreaterThanOrEqual(1);
    const audit = await db().auditLog.findFirst({ where: { entityType: 'Reminder', entityId: reminderId } });
    expect(audit).toMatchObject({ actorId: reception.id, patientId: patient.id });
  });

  it('makes the first link when there is none, and the message carries the link staff then see', async () => {
    const { patient, appointment } = await telehealth(30, { preferredChannel: 'SMS' });
    const { reminderId } = await sendJoinLink(reception, appointment.id);
    expect(await sendReminder(reminderId, deps)).toBe('ACCEPTED');
    const shown = await getOrCreateJoinLink(reception, appointment.id);
    expect(outboxTo(patient.mobile)[0]!.body).toContain(shown.url);
  });

  it('goes on WhatsApp for a patient who prefers it, and says so', async () => {
    const { appointment } = await telehealth(30);
    expect((await sendJoinLink(reception, appointment.id)).channels).toEqual(['WHATSAPP', 'SMS']);
  });

  it('refuses, saying why and creating nothing, when the patient has not agreed to messages', async () => {
    const { appointment } = await telehealth(30, { consent: false });
    await expect(sendJoinLink(reception, appointment.id)).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/not agreed to appointment messages.*another way/),
    });
    expect(await db().reminder.count({ where: { appointmentId: appointment.id } })).toBe(0);
  });

  it('refuses once the session has closed (two hours after the end), and for a cancelled appointment', async () => {
    const late = await telehealth(-50 - 121);
    await expect(sendJoinLink(reception, late.appointment.id)).rejects.toMatchObject({
      status: 409,
      message: JOIN_LINK_MESSAGES.sessionOver,
    });
    const cancelled = await telehealth(30);
    await db().appointment.update({ where: { id: cancelled.appointment.id }, data: { status: 'CANCELLED' } });
    await expect(sendJoinLink(reception, cancelled.appointment.id)).rejects.toMatchObject({
      status: 409,
      message: JOIN_LINK_MESSAGES.closed,
    });
  });

  it('is for reception and admins: a clinician, who cannot follow messages, is refused (403)', async () => {
    const { appointment } = await telehealth(30);
    await expect(sendJoinLink(clinicianUser, appointment.id)).rejects.toMatchObject({ status: 403 });
  });

  it('is skipped, not sent, when its job only runs after the session closed', async () => {
    const { patient, appointment } = await telehealth(10, { preferredChannel: 'SMS' });
    const { reminderId } = await sendJoinLink(reception, appointment.id);
    const later = () => new Date(appointment.endsAt.getTime() + 121 * MIN);
    expect(await sendReminder(reminderId, { ...deps, now: later })).toBe('SKIPPED');
    expect(outboxTo(patient.mobile)).toEqual([]);
    expect(await reminderState(reminderId)).toMatchObject({ status: 'SKIPPED', reason: 'SESSION_CLOSED' });
  });
});
