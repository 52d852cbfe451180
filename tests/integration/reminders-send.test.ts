// The reminder engine against the Twilio emulator and PostgreSQL: channel
// choice and fallback, consent and opt-outs, retries, and at-most-once across
// crashes. sendReminder is called directly here (as the job would), so each
// step is deterministic; the worker tests run the same code through pg-boss.
import { beforeAll, describe, expect, it } from 'vitest';

import { db } from '@/lib/db/client';
import { recordMessageStatus } from '@/lib/reminders/status/record-message-status';
import { clearAccountSnapshot } from '@/lib/readiness/account-snapshot';
import { SETTLE_MS } from '@/lib/reminders/sending/claim-timing';
import { jobSender } from '@/lib/jobs/job-sender';
import { sendReminderQueue } from '@/lib/jobs/reminder-queues';
import { sweepReminders } from '@/lib/reminders/scheduling/sweep-reminders';
import {
  RetryReminderLater,
  sendReminder,
  type SendReminderDeps,
} from '@/lib/reminders/sending/send-reminder';
import { sendMessage } from '@/lib/twilio/send-message';

import {
  CONTENT_SID,
  deliveredState,
  eventually,
  failNextMessageTo,
  reminderState,
  WHATSAPP_FROM,
} from '../helpers/reminder-fixtures';
import { setUpReminderSuite } from '../helpers/reminder-suite';

const suite = setUpReminderSuite({ resetEachTest: true });
const messagesPath = '/2010-04-01/Accounts/*/Messages.json';
const joinUrl = async (id: string) => `https://portal.example/join/jl_${id}.signature`;
let deps: SendReminderDeps;

beforeAll(async () => {
  deps = { client: suite.h.client(), joinUrl };
});

const outboxTo = (e164: string) =>
  suite.h.emulator.outbox().filter((m) => m.to.replace(/^whatsapp:/, '') === e164);

/** A "killed" worker: its Twilio call goes through, then it never gets to write anything. */
function killedAfterTwilio(): SendReminderDeps {
  return {
    ...deps,
    send: async (message, client) => {
      await sendMessage(message, client);
      return new Promise<never>(() => {});
    },
  };
}

describe('WhatsApp first', () => {
  it('sends a due reminder on WhatsApp with the approved template, then records delivered from the signed callback', async () => {
    const { patient, reminder } = await suite.scenario();
    expect(await sendReminder(reminder.id, deps)).toBe('ACCEPTED');

    const [sent, ...others] = outboxTo(patient.mobile);
    expect(others).toEqual([]);
    expect(sent).toMatchObject({
      to: `whatsapp:${patient.mobile}`,
      from: WHATSAPP_FROM,
      contentSid: CONTENT_SID,
    });
    const variables = JSON.parse(sent!.contentVariables!) as Record<string, string>;
    expect(Object.keys(variables)).toEqual(['1', '2', '3', '4']);
    expect(variables['3']).toMatch(/(am|pm) AE[DS]T$/);

    await suite.h.emulator.idle();
    const state = await deliveredState(reminder.id);
    expect(state.messages).toMatchObject([
      { channel: 'WHATSAPP', status: 'DELIVERED', twilioSid: sent!.sid },
    ]);
    expect(state.events.map((e) => e.type)).toEqual(['SCHEDULED', 'SENT', 'DELIVERED']);
  });

  it('puts the join link in a telehealth reminder and never stores the message text', async () => {
    const { patient, reminder } = await suite.scenario({ whatsapp: false }, { kind: 'TELEHEALTH' });
    expect(await sendReminder(reminder.id, deps)).toBe('ACCEPTED');
    const [sms] = outboxTo(patient.mobile);
    expect(sms!.body).toContain(`Join: https://portal.example/join/jl_`);
    expect(sms!.body).toContain('Reply STOP to opt out.');
    const row = await db().reminderMessage.findFirstOrThrow({ where: { reminderId: reminder.id } });
    expect(JSON.stringify(row)).not.toContain('portal.example/join');
    expect(row.bodyHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does nothing more when the same reminder job runs again after it was sent', async () => {
    const { patient, reminder } = await suite.scenario();
    expect(await sendReminder(reminder.id, deps)).toBe('ACCEPTED');
    expect(await sendReminder(reminder.id, deps)).toBe('FINISHED');
    expect(outboxTo(patient.mobile)).toHaveLength(1);
  });
});

describe('fallback to SMS', () => {
  for (const code of [63016, 63003, 21211, 21408]) {
    it(`falls back to exactly one SMS when Twilio refuses the WhatsApp message at once (${code})`, async () => {
      const { patient, reminder } = await suite.scenario();
      suite.h.emulator.injectFailure({
        path: messagesPath,
        to: `whatsapp:${patient.mobile}`,
        fault: { type: 'error', code, status: 400 },
      });
      expect(await sendReminder(reminder.id, deps)).toBe('ACCEPTED');
      expect(await sendReminder(reminder.id, deps)).toBe('FINISHED');

      const sent = outboxTo(patient.mobile);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ to: patient.mobile, from: '+61480000001' });
      const state = await reminderState(reminder.id);
      expect(state.messages).toMatchObject([
        { channel: 'WHATSAPP', status: 'FAILED', errorCode: code },
        { channel: 'SMS', isFallback: true, fallbackReason: 'WHATSAPP_FAILED' },
      ]);
      // (A "delivered" callback may already have followed: only the first four are fixed.)
      expect(state.events.slice(0, 4).map((e) => [e.type, e.channel, e.errorCode])).toEqual([
        ['SCHEDULED', null, null],
        ['SEND_REFUSED', 'WHATSAPP', code],
        ['FALLBACK', 'SMS', null],
        ['SENT', 'SMS', null],
      ]);
    });
  }

  it('goes straight to SMS with the reason, not counted as a fallback, when the patient has no WhatsApp consent', async () => {
    const { patient, reminder } = await suite.scenario({ whatsapp: false });
    expect(await sendReminder(reminder.id, deps)).toBe('ACCEPTED');
    expect(outboxTo(patient.mobile).map((m) => m.to)).toEqual([patient.mobile]);
    const state = await reminderState(reminder.id);
    // SMS was the only channel: "Sent by SMS", never "Fell back to SMS".
    expect(state.messages).toMatchObject([
      { channel: 'SMS', isFallback: false, fallbackReason: 'NO_WHATSAPP_CONSENT' },
    ]);
    expect(state.events.map((e) => [e.type, e.detail])).toContainEqual(['SMS_ONLY', 'NO_WHATSAPP_CONSENT']);
  });

  it('uses SMS without calling it a fallback for a patient who prefers SMS', async () => {
    const { patient, reminder } = await suite.scenario({ preferredChannel: 'SMS' });
    expect(await sendReminder(reminder.id, deps)).toBe('ACCEPTED');
    expect(outboxTo(patient.mobile).map((m) => m.to)).toEqual([patient.mobile]);
    expect((await reminderState(reminder.id)).messages).toMatchObject([
      { channel: 'SMS', isFallback: false },
    ]);
  });

  it('falls back to one SMS when the WhatsApp status callback reports failed, and records the code', async () => {
    const { patient, reminder } = await suite.scenario();
    suite.h.emulator.setMessageOutcome({ to: patient.mobile, status: 'failed', errorCode: 63003, times: 1 });
    expect(await sendReminder(reminder.id, deps)).toBe('ACCEPTED');
    await suite.h.emulator.idle();
    await eventually(async () => expect((await reminderState(reminder.id)).status).toBe('SENDING'));

    // What the queued fallback job does:
    expect(await sendReminder(reminder.id, deps)).toBe('ACCEPTED');
    expect(await sendReminder(reminder.id, deps)).toBe('FINISHED');
    await suite.h.emulator.idle();
    const state = await deliveredState(reminder.id);
    expect(outboxTo(patient.mobile).map((m) => m.to)).toEqual([`whatsapp:${patient.mobile}`, patient.mobile]);
    expect(state.messages).toMatchObject([
      { channel: 'WHATSAPP', status: 'FAILED', errorCode: 63003 },
      { channel: 'SMS', status: 'DELIVERED', isFallback: true, fallbackReason: 'WHATSAPP_FAILED' },
    ]);
    expect(state.events.map((e) => e.type)).toEqual([
      'SCHEDULED',
      'SENT',
      'FAILED',
      'FALLBACK',
      'SENT',
      'DELIVERED',
    ]);
  });

  it('also falls back when WhatsApp reports undelivered', async () => {
    const { patient, reminder } = await suite.scenario();
    failNextMessageTo(suite.h, patient.mobile, 'undelivered', 63024);
    await sendReminder(reminder.id, deps);
    await suite.h.emulator.idle();
    await eventually(async () => expect((await reminderState(reminder.id)).status).toBe('SENDING'));
    expect(await sendReminder(reminder.id, deps)).toBe('ACCEPTED');
    expect(outboxTo(patient.mobile)).toHaveLength(2);
  });
});

describe('consent and opt-outs', () => {
  it('sends nothing without consent to messages and says why', async () => {
    const { patient, reminder } = await suite.scenario({ consent: false });
    expect(await sendReminder(reminder.id, deps)).toBe('SKIPPED');
    expect(outboxTo(patient.mobile)).toEqual([]);
    expect(await reminderState(reminder.id)).toMatchObject({ status: 'SKIPPED', reason: 'NO_CONSENT' });
  });

  it('never uses WhatsApp after a WhatsApp opt-out (SMS instead)', async () => {
    const { patient, reminder } = await suite.scenario({ whatsappOptOut: true });
    await sendReminder(reminder.id, deps);
    expect(outboxTo(patient.mobile).map((m) => m.to)).toEqual([patient.mobile]);
    expect((await reminderState(reminder.id)).messages[0]).toMatchObject({
      fallbackReason: 'WHATSAPP_OPTED_OUT',
    });
  });

  it('sends nothing to a patient who opted out of SMS and cannot get WhatsApp', async () => {
    const { patient, reminder } = await suite.scenario({
      whatsapp: false,
      smsOptOut: true,
    });
    expect(await sendReminder(reminder.id, deps)).toBe('SKIPPED');
    expect(outboxTo(patient.mobile)).toEqual([]);
    expect(await reminderState(reminder.id)).toMatchObject({ status: 'SKIPPED', reason: 'SMS_OPTED_OUT' });
  });

  it('does not fall back to SMS for a patient who opted out of SMS when WhatsApp fails', async () => {
    const { patient, reminder } = await suite.scenario({ smsOptOut: true });
    suite.h.emulator.injectFailure({
      path: messagesPath,
      to: `whatsapp:${patient.mobile}`,
      fault: { type: 'error', code: 63003, status: 400 },
    });
    expect(await sendReminder(reminder.id, deps)).toBe('FAILED');
    expect(outboxTo(patient.mobile)).toEqual([]);
    expect(await reminderState(reminder.id)).toMatchObject({
      status: 'FAILED',
      reason: 'SMS_OPTED_OUT',
      errorCode: 63003,
    });
  });

  it('refuses a landline on file with a reason staff can act on', async () => {
    const { patient, reminder } = await suite.scenario({ mobile: '+61290000000' });
    expect(await sendReminder(reminder.id, deps)).toBe('SKIPPED');
    expect(outboxTo(patient.mobile)).toEqual([]);
    expect(await reminderState(reminder.id)).toMatchObject({ reason: 'LANDLINE' });
  });

  it('records an SMS opt-out on the patient when Twilio refuses with 21610', async () => {
    const { patient, reminder } = await suite.scenario({ preferredChannel: 'SMS' });
    suite.h.emulator.injectFailure({
      path: messagesPath,
      to: patient.mobile,
      fault: { type: 'error', code: 21610, status: 400 },
    });
    expect(await sendReminder(reminder.id, deps)).toBe('FAILED');
    const after = await db().patient.findUniqueOrThrow({ where: { id: patient.id } });
    expect(after.smsOptOutAt).toBeInstanceOf(Date);
    expect(await reminderState(reminder.id)).toMatchObject({ status: 'FAILED', errorCode: 21610 });
  });

  it('refuses, without calling Twilio, a number a trial account may not message (21608), and does not retry it', async () => {
    const { patient, reminder } = await suite.scenario({ preferredChannel: 'SMS' });
    suite.h.emulator.setAccount({ type: 'Trial' });
    clearAccountSnapshot();
    try {
      expect(await sendReminder(reminder.id, deps)).toBe('FAILED');
      expect(await sendReminder(reminder.id, deps)).toBe('FINISHED');
      expect(outboxTo(patient.mobile)).toEqual([]);
      expect(await reminderState(reminder.id)).toMatchObject({ status: 'FAILED', errorCode: 21608 });

      // A number verified in the Console gets its reminder on the same trial account.
      const verified = await suite.scenario({ preferredChannel: 'SMS' });
      suite.h.emulator.addVerifiedCallerId(verified.patient.mobile);
      clearAccountSnapshot();
      expect(await sendReminder(verified.reminder.id, deps)).toBe('ACCEPTED');
      expect(outboxTo(verified.patient.mobile)).toHaveLength(1);
    } finally {
      clearAccountSnapshot();
    }
  });

  it('cancels instead of sending when the appointment was cancelled before the reminder was due', async () => {
    const { patient, appointment, reminder } = await suite.scenario();
    await db().appointment.update({ where: { id: appointment.id }, data: { status: 'CANCELLED' } });
    expect(await sendReminder(reminder.id, deps)).toBe('CANCELLED');
    expect(outboxTo(patient.mobile)).toEqual([]);
  });
});

describe('retries and crashes never produce a second message', () => {
  it('retries after a 429 and then sends exactly one message', async () => {
    const { patient, reminder } = await suite.scenario();
    suite.h.emulator.injectFailure({ path: messagesPath, fault: { type: 'rate-limit' }, times: 1 });
    await expect(sendReminder(reminder.id, deps)).rejects.toBeInstanceOf(RetryReminderLater);
    expect((await reminderState(reminder.id)).messages).toMatchObject([
      { channel: 'WHATSAPP', status: 'RETRY', errorCode: 20429 },
    ]);
    expect(await sendReminder(reminder.id, deps)).toBe('ACCEPTED');
    expect(outboxTo(patient.mobile)).toHaveLength(1);
    expect((await reminderState(reminder.id)).messages).toMatchObject([{ status: 'QUEUED', attempts: 2 }]);
  });

  it('treats a 503 as uncertain: looks the message up at Twilio before sending again', async () => {
    const { patient, reminder } = await suite.scenario();
    suite.h.emulator.injectFailure({
      path: messagesPath,
      fault: { type: 'server-error', status: 503 },
      times: 1,
    });
    await expect(sendReminder(reminder.id, deps)).rejects.toBeInstanceOf(RetryReminderLater);
    expect((await reminderState(reminder.id)).messages[0]).toMatchObject({ status: 'UNCERTAIN' });
    const later = () => new Date(Date.now() + SETTLE_MS + 1000);
    expect(await sendReminder(reminder.id, { ...deps, now: later })).toBe('ACCEPTED');
    expect(outboxTo(patient.mobile)).toHaveLength(1);
  });

  it('after a timeout where Twilio made nothing, waits for the settle window, finds nothing, and sends once', async () => {
    const { patient, reminder } = await suite.scenario();
    suite.h.emulator.injectFailure({
      path: messagesPath,
      method: 'POST',
      fault: { type: 'timeout', holdMs: 3000 },
      times: 1,
    });
    const quick = { ...deps, client: suite.h.client(400) };
    await expect(sendReminder(reminder.id, quick)).rejects.toBeInstanceOf(RetryReminderLater);
    expect((await reminderState(reminder.id)).messages[0]).toMatchObject({ status: 'UNCERTAIN' });
    expect(outboxTo(patient.mobile)).toEqual([]);

    // Too soon: the call might still land at Twilio.
    await expect(sendReminder(reminder.id, quick)).rejects.toThrow(/still in flight/);
    const later = () => new Date(Date.now() + SETTLE_MS + 1000);
    expect(await sendReminder(reminder.id, { ...quick, now: later })).toBe('ACCEPTED');
    expect(outboxTo(patient.mobile)).toHaveLength(1);
    expect((await reminderState(reminder.id)).messages[0]).toMatchObject({ status: 'QUEUED', attempts: 2 });
  });

  it('a worker killed after Twilio accepted but before recording it: the next run finds the message at Twilio and does not send again', async () => {
    const { patient, reminder } = await suite.scenario();
    void sendReminder(reminder.id, killedAfterTwilio());
    await eventually(async () => expect(outboxTo(patient.mobile)).toHaveLength(1));
    expect((await reminderState(reminder.id)).messages[0]).toMatchObject({
      status: 'CLAIMED',
      twilioSid: null,
    });

    // A redelivered job inside the settle window leaves it alone.
    await expect(sendReminder(reminder.id, deps)).rejects.toBeInstanceOf(RetryReminderLater);
    // After it: looked up at Twilio, adopted, nothing sent.
    await suite.h.emulator.idle();
    const later = () => new Date(Date.now() + SETTLE_MS + 1000);
    expect(await sendReminder(reminder.id, { ...deps, now: later })).toBe('ACCEPTED');
    const sent = outboxTo(patient.mobile);
    expect(sent).toHaveLength(1);
    const state = await reminderState(reminder.id);
    expect(state.messages[0]).toMatchObject({ twilioSid: sent[0]!.sid });
    expect(state.events.map((e) => e.type)).toContain('RECONCILED');
    // The callbacks that arrived while the claim was in limbo were kept and applied on adoption.
    expect(state.messages[0]!.status).toBe('DELIVERED');
    expect(state.status).toBe('DELIVERED');
  });

  it('recognises a crashed SMS send by its text hash among other messages to the same number', async () => {
    const { patient, reminder } = await suite.scenario({ preferredChannel: 'SMS' });
    // Another message to the same number in the window that is not ours (sent by someone else).
    await sendMessage(
      {
        channel: 'SMS',
        to: patient.mobile,
        from: '+61480000001',
        body: 'Unrelated note',
        statusCallback: `${suite.h.routes.url}/none`,
      },
      suite.h.client(),
    );
    void sendReminder(reminder.id, killedAfterTwilio());
    await eventually(async () => expect(outboxTo(patient.mobile)).toHaveLength(2));
    const later = () => new Date(Date.now() + SETTLE_MS + 1000);
    expect(await sendReminder(reminder.id, { ...deps, now: later })).toBe('ACCEPTED');
    const ours = outboxTo(patient.mobile).find((m) => m.body.startsWith('Harbourside'));
    expect((await reminderState(reminder.id)).messages[0]).toMatchObject({ twilioSid: ours!.sid });
    expect(outboxTo(patient.mobile)).toHaveLength(2);
  });

  it('lets a status callback attach the SID to a claim its worker abandoned', async () => {
    const { patient, reminder } = await suite.scenario();
    void sendReminder(reminder.id, killedAfterTwilio());
    await eventually(async () => expect(outboxTo(patient.mobile)).toHaveLength(1));
    const [sent] = outboxTo(patient.mobile);
    const claim = (await reminderState(reminder.id)).messages[0]!;
    // Twilio's next callback, after the settle window.
    const result = await recordMessageStatus(
      { MessageSid: sent!.sid, MessageStatus: 'read', To: `whatsapp:${patient.mobile}` },
      claim.id,
      new Date(Date.now() + SETTLE_MS + 1000),
    );
    expect(result).toBe('APPLIED');
    const state = await reminderState(reminder.id);
    expect(state.messages[0]).toMatchObject({ twilioSid: sent!.sid, status: 'READ' });
    expect(state.status).toBe('DELIVERED');
    expect(await sendReminder(reminder.id, deps)).toBe('FINISHED');
    expect(outboxTo(patient.mobile)).toHaveLength(1);
  });
});

describe('the sweep', () => {
  const queuedJobs = async (reminderId: string) =>
    (await jobSender(sendReminderQueue)).findJobs(sendReminderQueue.name, { key: reminderId, queued: true });

  it('re-queues an overdue reminder that lost its job, and a claim abandoned by a dead worker', async () => {
    const overdue = await suite.scenario();
    await db().reminder.update({
      where: { id: overdue.reminder.id },
      data: { dueAt: new Date(Date.now() - 5 * 60_000) },
    });
    const abandoned = await suite.scenario();
    const killed: SendReminderDeps = { ...deps, send: () => new Promise<never>(() => {}) };
    void sendReminder(abandoned.reminder.id, killed);
    await eventually(async () =>
      expect((await reminderState(abandoned.reminder.id)).messages).toHaveLength(1),
    );
    const fresh = await suite.scenario();
    await db().reminder.update({
      where: { id: fresh.reminder.id },
      data: { dueAt: new Date(Date.now() + 10 * 60_000) },
    });

    await sweepReminders(new Date(Date.now() + SETTLE_MS + 1000), { client: suite.h.client() });
    expect(await queuedJobs(overdue.reminder.id)).toHaveLength(1);
    expect(await queuedJobs(abandoned.reminder.id)).toHaveLength(1);
    // Not due yet: its own job will run it; the sweep leaves it.
    expect(await queuedJobs(fresh.reminder.id)).toHaveLength(0);
    // Sweeping again adds nothing: one waiting job per reminder.
    await sweepReminders(new Date(Date.now() + SETTLE_MS + 1000), { client: suite.h.client() });
    expect(await queuedJobs(overdue.reminder.id)).toHaveLength(1);
  });

  it('asks Twilio for the status of a message whose callbacks never arrived', async () => {
    const { reminder } = await suite.scenario();
    expect(await sendReminder(reminder.id, deps)).toBe('ACCEPTED');
    await suite.h.emulator.idle();
    // As if every callback had been lost while our server was down.
    await db().reminderMessage.updateMany({
      where: { reminderId: reminder.id },
      data: { status: 'QUEUED', statusRank: 10, deliveredAt: null },
    });
    await db().reminder.update({ where: { id: reminder.id }, data: { status: 'SENT', deliveredAt: null } });
    const result = await sweepReminders(new Date(Date.now() + 11 * 60_000), { client: suite.h.client() });
    expect(result.refreshed).toBeGreaterThanOrEqual(1);
    expect(await reminderState(reminder.id)).toMatchObject({ status: 'DELIVERED' });
  });
});
