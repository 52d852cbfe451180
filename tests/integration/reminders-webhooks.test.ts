// The two Twilio webhooks for messages, through their route handlers:
// signature checks (403, nothing written), each status stored once and never
// moving a message backwards, and what each kind of reply does.
import { describe, expect, it } from 'vitest';

import { POST as inbound } from '@/app/api/twilio/messages/inbound/route';
import { POST as status } from '@/app/api/twilio/messages/status/route';
import { db } from '@/lib/db/client';
import { listRepliesNeedingAttention } from '@/lib/reminders/replies/list-replies';
import { sendReminder } from '@/lib/reminders/sending/send-reminder';
import { twilioSignature } from '@/scripts/twilio-emulator';

import { creds, reminderScenario, reminderState } from '../helpers/reminder-fixtures';
import { setUpReminderSuite } from '../helpers/reminder-suite';
import { signedCallback } from '../helpers/signed-callback';
import { createUser } from '../helpers/scheduling-fixtures';

// Slow steps: this file drives the statuses itself.
const suite = setUpReminderSuite({ messageStepMs: 60_000 });

const sid = (n: number | string) => `SM${String(n).padStart(32, '0')}`;
let seq = 1000;
const nextSid = () => sid(seq++);

function signedRequest(
  path: string,
  params: Record<string, string>,
  options: { signature?: string | null; host?: string } = {},
) {
  const url = `${suite.h.routes.url}${path}`;
  const sendTo = options.host ? url.replace('127.0.0.1', options.host) : url;
  return signedCallback(url, params, creds.authToken, { signature: options.signature, sendTo });
}

const ctx = { params: Promise.resolve({}) };
const postStatus = (params: Record<string, string>, options?: Parameters<typeof signedRequest>[2]) =>
  status(signedRequest('/api/twilio/messages/status', params, options), ctx);
const postInbound = (params: Record<string, string>, options?: Parameters<typeof signedRequest>[2]) =>
  inbound(signedRequest('/api/twilio/messages/inbound', params, options), ctx);

/** A 'delivered' status callback for this message, sent with the signature given (null: none). */
const postDelivered = (messageSid: string, signature: string | null) =>
  postStatus({ MessageSid: messageSid, MessageStatus: 'delivered' }, { signature });

/** Twilio's signature of a status callback for this message, as if sent to `url`. */
const statusSignature = (url: string, messageSid: string, messageStatus: string) =>
  twilioSignature(creds.authToken, url, { MessageSid: messageSid, MessageStatus: messageStatus });

/** A reply from this number (`whatsapp:` for WhatsApp), as a new inbound message. */
const replyFrom = (from: string, body: string) =>
  postInbound({ MessageSid: nextSid(), From: from, Body: body });

async function sentReminder(
  patient: Parameters<typeof reminderScenario>[2] = {},
  appointment: Parameters<typeof reminderScenario>[3] = {},
) {
  const scenario = await suite.scenario(patient, appointment);
  expect(await sendReminder(scenario.reminder.id, { client: suite.h.client() })).toBe('ACCEPTED');
  const state = await reminderState(scenario.reminder.id);
  return { ...scenario, message: state.messages.at(-1)! };
}

describe('POST /api/twilio/messages/status', () => {
  it('refuses a callback without a signature with 403 and writes nothing', async () => {
    const messageSid = nextSid();
    const res = await postDelivered(messageSid, null);
    expect(res.status).toBe(403);
    expect(await db().messageStatusEvent.count({ where: { messageSid } })).toBe(0);
  });

  it('refuses a tampered callback (signature for other fields) with 403 and writes nothing', async () => {
    const messageSid = nextSid();
    const forged = statusSignature(`${suite.h.routes.url}/api/twilio/messages/status`, messageSid, 'sent');
    const res = await postDelivered(messageSid, forged);
    expect(res.status).toBe(403);
    expect(await db().messageStatusEvent.count({ where: { messageSid } })).toBe(0);
  });

  it('checks the signature against the public URL, not the Host the request arrived with', async () => {
    const messageSid = nextSid();
    const res = await postStatus({ MessageSid: messageSid, MessageStatus: 'sent' }, { host: 'localhost' });
    expect(res.status).toBe(204);
    const signedForOtherHost = statusSignature(
      'http://evil.example/api/twilio/messages/status',
      messageSid,
      'delivered',
    );
    const bad = await postDelivered(messageSid, signedForOtherHost);
    expect(bad.status).toBe(403);
  });

  it('stores a delivery once however often Twilio sends it', async () => {
    const { message } = await sentReminder();
    const params = { MessageSid: message.twilioSid!, MessageStatus: 'delivered', To: message.toAddress };
    for (let i = 0; i < 3; i++) expect((await postStatus(params)).status).toBe(204);
    expect(await db().messageStatusEvent.count({ where: { messageSid: message.twilioSid! } })).toBe(1);
    const state = await reminderState(message.reminderId);
    expect(state.events.filter((e) => e.type === 'DELIVERED')).toHaveLength(1);
  });

  it('never moves a message backwards: "sent" after "delivered" changes nothing', async () => {
    const { message } = await sentReminder();
    await postStatus({ MessageSid: message.twilioSid!, MessageStatus: 'delivered', To: message.toAddress });
    await postStatus({ MessageSid: message.twilioSid!, MessageStatus: 'sent', To: message.toAddress });
    await postStatus({ MessageSid: message.twilioSid!, MessageStatus: 'queued', To: message.toAddress });
    const state = await reminderState(message.reminderId);
    expect(state.messages[0]).toMatchObject({ status: 'DELIVERED' });
    expect(state.status).toBe('DELIVERED');
  });

  it('does not turn a delivered message into a failed one, nor a failed one into delivered', async () => {
    const a = await sentReminder({ preferredChannel: 'SMS' });
    await postStatus({
      MessageSid: a.message.twilioSid!,
      MessageStatus: 'delivered',
      To: a.message.toAddress,
    });
    await postStatus({
      MessageSid: a.message.twilioSid!,
      MessageStatus: 'failed',
      ErrorCode: '30008',
      To: a.message.toAddress,
    });
    expect((await reminderState(a.reminder.id)).messages[0]).toMatchObject({
      status: 'DELIVERED',
      errorCode: null,
    });

    const b = await sentReminder({ preferredChannel: 'SMS' });
    await postStatus({
      MessageSid: b.message.twilioSid!,
      MessageStatus: 'undelivered',
      ErrorCode: '30003',
      To: b.message.toAddress,
    });
    await postStatus({
      MessageSid: b.message.twilioSid!,
      MessageStatus: 'delivered',
      To: b.message.toAddress,
    });
    const state = await reminderState(b.reminder.id);
    expect(state.messages[0]).toMatchObject({ status: 'UNDELIVERED', errorCode: 30003 });
    expect(state).toMatchObject({ status: 'FAILED', errorCode: 30003 });
  });

  it('stores a status for a SID it does not know, with no claim in its URL, and answers 204', async () => {
    const messageSid = nextSid();
    expect((await postStatus({ MessageSid: messageSid, MessageStatus: 'delivered' })).status).toBe(204);
    expect(await db().messageStatusEvent.count({ where: { messageSid } })).toBe(1);
  });
});

describe('POST /api/twilio/messages/inbound', () => {
  const twimlMessage = async (res: Response) => {
    const text = await res.text();
    return /<Message>([\s\S]*)<\/Message>/.exec(text)?.[1] ?? null;
  };

  it('refuses an unsigned reply with 403 and acts on nothing', async () => {
    const { appointment, patient } = await sentReminder();
    const messageSid = nextSid();
    const res = await postInbound(
      { MessageSid: messageSid, From: `whatsapp:${patient.mobile}`, Body: 'STOP' },
      { signature: null },
    );
    expect(res.status).toBe(403);
    expect(await db().inboundReply.count({ where: { messageSid } })).toBe(0);
    expect((await db().patient.findUniqueOrThrow({ where: { id: patient.id } })).whatsappOptOutAt).toBeNull();
    expect((await db().appointment.findUniqueOrThrow({ where: { id: appointment.id } })).status).toBe(
      'BOOKED',
    );
  });

  it('confirms the appointment on C and answers with its time, no names', async () => {
    const { appointment, patient, reminder } = await sentReminder();
    const res = await replyFrom(`whatsapp:${patient.mobile}`, 'c');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/xml');
    const reply = await twimlMessage(res);
    expect(reply).toMatch(/^Thanks, your appointment on \w{3} \d{1,2} \w{3} at .* is confirmed\.$/);
    expect(reply).not.toContain(patient.givenName);
    expect((await db().appointment.findUniqueOrThrow({ where: { id: appointment.id } })).status).toBe(
      'CONFIRMED',
    );
    expect((await reminderState(reminder.id)).events.at(-1)).toMatchObject({
      type: 'REPLIED',
      detail: 'CONFIRM',
    });
  });

  it('confirms on YES too, and on SMS YES also lifts an SMS opt-out as Twilio does', async () => {
    const { appointment, patient } = await sentReminder({ preferredChannel: 'SMS' });
    await db().patient.update({ where: { id: patient.id }, data: { smsOptOutAt: new Date() } });
    await replyFrom(patient.mobile, 'Yes');
    expect((await db().appointment.findUniqueOrThrow({ where: { id: appointment.id } })).status).toBe(
      'CONFIRMED',
    );
    expect((await db().patient.findUniqueOrThrow({ where: { id: patient.id } })).smsOptOutAt).toBeNull();
  });

  it('acts once on a reply Twilio delivers twice', async () => {
    const { patient } = await sentReminder();
    const params = { MessageSid: nextSid(), From: `whatsapp:${patient.mobile}`, Body: 'R' };
    const first = await postInbound(params);
    const second = await postInbound(params);
    expect(await twimlMessage(first)).toContain('contact you to arrange a new time');
    expect(await twimlMessage(second)).toBeNull();
    expect(await db().inboundReply.count({ where: { messageSid: params.MessageSid } })).toBe(1);
  });

  it('flags R for staff as a reschedule request', async () => {
    const staff = await createUser(suite.clinicId, 'STAFF');
    const { patient, appointment } = await sentReminder();
    await replyFrom(`whatsapp:${patient.mobile}`, 'R');
    const waiting = await listRepliesNeedingAttention(staff);
    expect(waiting.find((r) => r.appointmentId === appointment.id)).toMatchObject({
      intent: 'RESCHEDULE',
      patient: { id: patient.id },
    });
  });

  for (const keyword of ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'END', 'QUIT', 'CANCEL', 'OPTOUT', 'REVOKE']) {
    it(`opts the number out of SMS on ${keyword} (Twilio answers it, so we do not)`, async () => {
      const { patient } = await sentReminder({ preferredChannel: 'SMS' });
      const res = await replyFrom(patient.mobile, keyword.toLowerCase());
      expect(await twimlMessage(res)).toBeNull();
      const after = await db().patient.findUniqueOrThrow({ where: { id: patient.id } });
      expect(after.smsOptOutAt).toBeInstanceOf(Date);
      expect(after.whatsappOptOutAt).toBeNull();
    });
  }

  it('opts out of WhatsApp only on a WhatsApp STOP, confirms it, and START opts back in', async () => {
    const { patient } = await sentReminder();
    const stop = await replyFrom(`whatsapp:${patient.mobile}`, 'Stop');
    expect(await twimlMessage(stop)).toContain('Reply START');
    let after = await db().patient.findUniqueOrThrow({ where: { id: patient.id } });
    expect(after.whatsappOptOutAt).toBeInstanceOf(Date);
    expect(after.smsOptOutAt).toBeNull();
    await replyFrom(`whatsapp:${patient.mobile}`, 'START');
    after = await db().patient.findUniqueOrThrow({ where: { id: patient.id } });
    expect(after.whatsappOptOutAt).toBeNull();
  });

  it('shows a CANCEL opt-out to staff as well, since the patient may have meant the appointment', async () => {
    const { patient } = await sentReminder({ preferredChannel: 'SMS' });
    const messageSid = nextSid();
    await postInbound({ MessageSid: messageSid, From: patient.mobile, Body: 'CANCEL' });
    expect(await db().inboundReply.findUniqueOrThrow({ where: { messageSid } })).toMatchObject({
      intent: 'OPT_OUT',
      needsAttention: true,
    });
  });

  it("answers HELP with the clinic's contact details and how to opt out", async () => {
    const { patient } = await sentReminder();
    const res = await replyFrom(`whatsapp:${patient.mobile}`, 'HELP');
    const reply = await twimlMessage(res);
    expect(reply).toContain('call 02 9000 0000');
    expect(reply).toContain('hello@clinic.example');
    expect(reply).toContain('Reply STOP to opt out.');
  });

  it('passes any other reply to staff with its text', async () => {
    const staff = await createUser(suite.clinicId, 'STAFF');
    const { patient } = await sentReminder();
    const messageSid = nextSid();
    const res = await postInbound({
      MessageSid: messageSid,
      From: `whatsapp:${patient.mobile}`,
      Body: 'Running 10 min late, sorry',
    });
    expect(await twimlMessage(res)).toBeNull();
    const waiting = await listRepliesNeedingAttention(staff);
    expect(waiting.find((r) => r.body === 'Running 10 min late, sorry')).toMatchObject({ intent: 'UNKNOWN' });
  });
});
