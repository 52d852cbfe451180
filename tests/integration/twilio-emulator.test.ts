// The local Twilio emulator, exercised the way the portal uses it: through the
// official twilio helper, built by lib/twilio/client's createTwilioClient with
// the emulator seam. Raw HTTP is used only where the helper refuses to send a
// bad request itself, and to read the exact JSON the emulator returns.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { beforeAll, describe, expect, it } from 'vitest';

import { createTwilioClient, type TwilioClient } from '@/lib/twilio/client';
import { emulatorUri } from '@/lib/twilio/emulator-request-client';
import { toTwilioError, type TwilioError } from '@/lib/twilio/errors';
import { validateTwilioSignature } from '@/lib/twilio/validate-signature';
import { startTwilioEmulator, type LogEntry } from '@/scripts/twilio-emulator';
import { loadSpec, type HttpMethod } from '@/scripts/twilio-emulator/openapi-spec';
import { checkResponse } from '@/scripts/twilio-emulator/validate-response';
import type { ReceivedCallback } from '@/tests/helpers/callback-listener';
import { setUpEmulatorSuite } from '@/tests/helpers/emulator-suite';
import { twilioTestCredentials } from '@/tests/helpers/twilio-test-credentials';
import { eventually as poll } from '@/tests/helpers/eventually';

const { accountSid, authToken, apiKey, apiSecret } = twilioTestCredentials;
const sender = '+61480000001';
const patient = '+61412345678';
const otherPatient = '+61498765432';
const reminderText = 'Your telehealth appointment starts at 10:30.';

let client: TwilioClient;
const logs: LogEntry[] = [];

async function twilioErrorOf(promise: Promise<unknown>): Promise<TwilioError> {
  try {
    await promise;
  } catch (err) {
    return toTwilioError(err);
  }
  throw new Error('expected the Twilio call to fail');
}

/** A raw request to <emulator>/<host><path>, authenticated like the helper does it. */
async function raw(
  method: string,
  hostAndPath: string,
  form?: Record<string, string>,
  credentials = `${apiKey}:${apiSecret}`,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${suite.emulator.url}/${hostAndPath}`, {
    method,
    headers: {
      Authorization: `Basic ${Buffer.from(credentials).toString('base64')}`,
      ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Polls until check() passes (for waits on Twilio's clock, which idle() deliberately ignores). */
const eventually = (check: () => void | Promise<void>, timeoutMs = 3000) => poll(check, timeoutMs);

/**
 * The callbacks that reached `path`. Room callbacks are delivered concurrently, as Twilio's
 * are, so they can arrive out of order: they are put in SequenceNumber order, which is what
 * Twilio promises (and what the portal reads). Others keep their arrival order.
 */
function callbacksTo(path: string): ReceivedCallback[] {
  const seq = (r: ReceivedCallback) =>
    r.params.SequenceNumber === undefined ? NaN : Number(r.params.SequenceNumber);
  return suite.listener.received
    .filter((r) => r.path.startsWith(path))
    .sort((a, b) => (Number.isNaN(seq(a)) || Number.isNaN(seq(b)) ? 0 : seq(a) - seq(b)));
}

function expectSignedByTwilio(callback: ReceivedCallback): void {
  const query = callback.method === 'GET';
  const valid = validateTwilioSignature({
    authToken,
    url: `${suite.listener.url}${callback.path}`,
    params: query ? {} : callback.params,
    signature: callback.headers['x-twilio-signature'] as string | undefined,
  });
  expect(valid).toBe(true);
}

const suite = setUpEmulatorSuite({
  port: 0,
  host: '127.0.0.1',
  accountSid,
  authToken,
  apiKeys: [{ sid: apiKey, secret: apiSecret }],
  accountType: 'Full',
  phoneNumbers: [sender],
  messageStepMs: 15,
  minuteMs: 40,
  callbackBackoffMs: 20,
  log: (entry) => logs.push(entry),
});
beforeAll(() => {
  client = suite.clientWith();
});

describe('Messages through the twilio helper', () => {
  it('creates an SMS: SM sid, status queued, RFC 2822 date parsed by the helper, listed in the outbox', async () => {
    const message = await client.messages.create({ to: patient, from: sender, body: reminderText });
    expect(message.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(message.status).toBe('queued');
    expect(message.dateCreated).toBeInstanceOf(Date);
    expect(Number.isNaN(message.dateCreated.getTime())).toBe(false);
    expect(message.numSegments).toBe('1');
    expect(suite.emulator.outbox()).toMatchObject([{ sid: message.sid, to: patient, body: reminderText }]);
  });

  it('moves a message queued → sent → delivered and POSTs signed status callbacks with Twilio’s fields', async () => {
    const statusCallback = `${suite.listener.url}/message-status?clinic=north`;
    const message = await client.messages.create({
      to: patient,
      from: sender,
      body: reminderText,
      statusCallback,
    });
    await suite.emulator.idle();

    const fetched = await client.messages(message.sid).fetch();
    expect(fetched.status).toBe('delivered');
    expect(fetched.dateSent).toBeInstanceOf(Date);

    const callbacks = callbacksTo('/message-status');
    expect(callbacks.map((c) => c.params.MessageStatus)).toEqual(['sent', 'delivered']);
    for (const callback of callbacks) {
      expect(callback.method).toBe('POST');
      expect(callback.params).toMatchObject({
        MessageSid: message.sid,
        SmsSid: message.sid,
        SmsStatus: callback.params.MessageStatus,
        AccountSid: accountSid,
        From: sender,
        To: patient,
        ApiVersion: '2010-04-01',
      });
      expect(callback.headers['i-twilio-idempotency-token']).toBeTruthy();
      expectSignedByTwilio(callback);
    }
  });

  it('lists messages newest first and follows next_page_uri across pages', async () => {
    const sids: string[] = [];
    for (const body of ['one', 'two', 'three']) {
      sids.push((await client.messages.create({ to: patient, from: sender, body })).sid);
    }
    const listed = await client.messages.list({ pageSize: 2, limit: 10 });
    expect(listed.map((m) => m.sid)).toEqual(sids.reverse());
    const onlyOther = await client.messages.list({ to: otherPatient });
    expect(onlyOther).toEqual([]);
  });

  it('cancels a scheduled message with Status=canceled and refuses to cancel a sent one with 30409', async () => {
    const statusCallback = `${suite.listener.url}/message-status`;
    const scheduled = await client.messages.create({
      to: patient,
      messagingServiceSid: 'MG0123456789abcdef0123456789abcdef',
      body: reminderText,
      scheduleType: 'fixed',
      sendAt: new Date(Date.now() + 60 * 60_000),
      statusCallback,
    });
    expect(scheduled.status).toBe('scheduled');
    const canceled = await client.messages(scheduled.sid).update({ status: 'canceled' });
    expect(canceled.status).toBe('canceled');
    await suite.emulator.idle();
    expect(callbacksTo('/message-status').map((c) => c.params.MessageStatus)).toEqual(['canceled']);

    const sent = await client.messages.create({ to: patient, from: sender, body: reminderText });
    const error = await twilioErrorOf(client.messages(sent.sid).update({ status: 'canceled' }));
    expect(error).toMatchObject({ code: 30409, status: 400, retryable: false });
  });

  it('refuses to schedule outside the 15 minute – 35 day window (35114) or without a Messaging Service (35118)', async () => {
    const tooSoon = await twilioErrorOf(
      client.messages.create({
        to: patient,
        messagingServiceSid: 'MG0123456789abcdef0123456789abcdef',
        body: reminderText,
        scheduleType: 'fixed',
        sendAt: new Date(Date.now() + 5 * 60_000),
      }),
    );
    expect(tooSoon.code).toBe(35114);
    const noService = await twilioErrorOf(
      client.messages.create({
        to: patient,
        from: sender,
        body: reminderText,
        scheduleType: 'fixed',
        sendAt: new Date(Date.now() + 60 * 60_000),
      }),
    );
    expect(noService.code).toBe(35118);
  });

  it('redacts a delivered message when its Body is updated to an empty string', async () => {
    const message = await client.messages.create({ to: patient, from: sender, body: reminderText });
    await suite.emulator.idle();
    const redacted = await client.messages(message.sid).update({ body: '' });
    expect(redacted.body).toBe('');
    expect(suite.emulator.outbox()[0]?.body).toBe('');
  });

  it('answers a fetch of an unknown message with 404 and code 20404', async () => {
    const error = await twilioErrorOf(client.messages('SM00000000000000000000000000000000').fetch());
    expect(error).toMatchObject({ code: 20404, status: 404, retryable: false });
  });
});

describe('Twilio’s request validation and sending rules', () => {
  it('refuses a message without To with 21604 and one without Body, media or template with 21602', async () => {
    const path = `api.twilio.com/2010-04-01/Accounts/${accountSid}/Messages.json`;
    const noTo = await raw('POST', path, { From: sender, Body: reminderText });
    expect(noTo).toMatchObject({
      status: 400,
      body: { code: 21604, status: 400, more_info: 'https://www.twilio.com/docs/errors/21604' },
    });
    const noBody = await twilioErrorOf(client.messages.create({ to: patient, from: sender }));
    expect(noBody).toMatchObject({ code: 21602, status: 400 });
  });

  it('refuses an unknown parameter, a bad enum value and a non-integer with 20001, per the OpenAPI description', async () => {
    const messages = `api.twilio.com/2010-04-01/Accounts/${accountSid}/Messages.json`;
    const unknown = await raw('POST', messages, {
      To: patient,
      From: sender,
      Body: 'x',
      StatusCalback: 'https://a.b',
    });
    expect(unknown.body).toMatchObject({ code: 20001, message: 'Unknown parameter StatusCalback' });
    const badEnum = await raw('POST', 'video.twilio.com/v1/Rooms', { Type: 'huge' });
    expect(badEnum).toMatchObject({ status: 400, body: { code: 20001 } });
    const notInteger = await raw('POST', 'video.twilio.com/v1/Rooms', { MaxParticipants: 'two' });
    expect(notInteger.body).toMatchObject({
      code: 20001,
      message: 'Invalid parameter MaxParticipants: must be an integer',
    });
    const badUrl = await raw('POST', messages, {
      To: patient,
      From: sender,
      Body: 'x',
      StatusCallback: 'not a url',
    });
    expect(badUrl.body).toMatchObject({ code: 21609 });
  });

  it('refuses a To that is not an E.164 number with 21211', async () => {
    const error = await twilioErrorOf(
      client.messages.create({ to: '0412 345 678', from: sender, body: reminderText }),
    );
    expect(error).toMatchObject({ code: 21211, status: 400, retryable: false });
    // Twilio's text quotes the number, so it stays in `detail` and out of the loggable message.
    expect(error.message).not.toContain('0412');
  });

  it('refuses a From the account does not own with 21606', async () => {
    const error = await twilioErrorOf(
      client.messages.create({ to: patient, from: '+61480000999', body: reminderText }),
    );
    expect(error.code).toBe(21606);
  });

  it('requires a whatsapp: To for a whatsapp: From (21910) and a WhatsApp sender the account owns (63007)', async () => {
    const mixed = await twilioErrorOf(
      client.messages.create({ to: patient, from: `whatsapp:${sender}`, body: reminderText }),
    );
    expect(mixed.code).toBe(21910);
    suite.emulator.addWhatsAppSender(`whatsapp:${sender}`);
    const unknownSender = await twilioErrorOf(
      client.messages.create({
        to: `whatsapp:${patient}`,
        from: 'whatsapp:+61480000999',
        contentSid: 'HX0123456789abcdef0123456789abcdef',
      }),
    );
    expect(unknownSender.code).toBe(63007);
  });

  it('accepts a WhatsApp template (ContentSid + ContentVariables) and delivers it with WhatsApp callback fields', async () => {
    const message = await client.messages.create({
      to: `whatsapp:${patient}`,
      from: `whatsapp:${sender}`,
      contentSid: 'HX0123456789abcdef0123456789abcdef',
      contentVariables: JSON.stringify({ 1: 'Tuesday', 2: '10:30' }),
      statusCallback: `${suite.listener.url}/message-status`,
    });
    await suite.emulator.idle();
    expect((await client.messages(message.sid).fetch()).status).toBe('delivered');
    const last = callbacksTo('/message-status').at(-1);
    expect(last?.params).toMatchObject({
      MessageStatus: 'delivered',
      ChannelPrefix: 'whatsapp',
      To: `whatsapp:${patient}`,
    });
    const badVariables = await twilioErrorOf(
      client.messages.create({
        to: `whatsapp:${patient}`,
        from: `whatsapp:${sender}`,
        contentSid: 'HX0123456789abcdef0123456789abcdef',
        contentVariables: '{not json',
      }),
    );
    expect(badVariables.code).toBe(21656);
  });

  it('fails free-form WhatsApp text with 63016 unless the person messaged us in the last 24 hours', async () => {
    const outside = await client.messages.create({
      to: `whatsapp:${patient}`,
      from: `whatsapp:${sender}`,
      body: 'Hi',
    });
    suite.emulator.openWhatsAppSession(otherPatient);
    const inside = await client.messages.create({
      to: `whatsapp:${otherPatient}`,
      from: `whatsapp:${sender}`,
      body: 'Hi',
    });
    await suite.emulator.idle();
    expect(await client.messages(outside.sid).fetch()).toMatchObject({ status: 'failed', errorCode: 63016 });
    expect((await client.messages(inside.sid).fetch()).status).toBe('delivered');
  });

  it('lets a Trial account message only verified caller IDs (21608) and prefixes its SMS as Twilio does', async () => {
    suite.emulator.setAccount({ type: 'Trial' });
    suite.emulator.addVerifiedCallerId(patient);
    const refused = await twilioErrorOf(
      client.messages.create({ to: otherPatient, from: sender, body: reminderText }),
    );
    expect(refused).toMatchObject({ code: 21608, status: 400, retryable: false });
    const allowed = await client.messages.create({ to: patient, from: sender, body: reminderText });
    expect(allowed.body).toBe(`Sent from your Twilio trial account - ${reminderText}`);
    const verified = await client.outgoingCallerIds.list();
    expect(verified.map((c) => c.phoneNumber)).toEqual([patient]);
  });
});

describe('Authentication', () => {
  it('refuses a wrong API key secret with 401 and code 20003, not retryable', async () => {
    const error = await twilioErrorOf(
      suite.clientWith({ apiSecret: 'not-the-secret-at-all' }).messages.list(),
    );
    expect(error).toMatchObject({ kind: 'rest', code: 20003, status: 401, retryable: false });
  });

  it('accepts the account SID with its auth token, and nothing else', async () => {
    const tokenClient = suite.clientWith({ apiKey: undefined, apiSecret: undefined, authToken });
    expect((await tokenClient.api.v2010.accounts(accountSid).fetch()).sid).toBe(accountSid);
    const wrongToken = await twilioErrorOf(
      suite
        .clientWith({ apiKey: undefined, apiSecret: undefined, authToken: 'f'.repeat(32) })
        .api.v2010.accounts(accountSid)
        .fetch(),
    );
    expect(wrongToken.code).toBe(20003);
    const noAuth = await fetch(`${suite.emulator.url}/api.twilio.com/2010-04-01/Accounts/${accountSid}.json`);
    expect(noAuth.status).toBe(401);
  });

  it('reaches the emulator through regional and edge hostnames (api.sydney.au1.twilio.com)', async () => {
    const regional = suite.clientWith({ region: 'au1', edge: 'sydney' });
    expect((await regional.messages.create({ to: patient, from: sender, body: reminderText })).status).toBe(
      'queued',
    );
  });
});

describe('Injected failures', () => {
  it('answers 429 with code 20429 for the next matching call only; the error is retryable', async () => {
    suite.emulator.injectFailure({
      method: 'POST',
      path: '/2010-04-01/Accounts/*/Messages.json',
      fault: { type: 'rate-limit' },
    });
    const error = await twilioErrorOf(
      client.messages.create({ to: patient, from: sender, body: reminderText }),
    );
    expect(error).toMatchObject({ code: 20429, status: 429, retryable: true });
    expect((await client.messages.create({ to: patient, from: sender, body: reminderText })).status).toBe(
      'queued',
    );
  });

  it('answers 500 (20500) and 503 (20503) as retryable server errors', async () => {
    suite.emulator.injectFailure({ product: 'video', fault: { type: 'server-error' } });
    suite.emulator.injectFailure({ product: 'video', fault: { type: 'server-error', status: 503 } });
    expect(await twilioErrorOf(client.video.v1.rooms.create({}))).toMatchObject({
      code: 20500,
      retryable: true,
    });
    expect(await twilioErrorOf(client.video.v1.rooms.create({}))).toMatchObject({
      code: 20503,
      retryable: true,
    });
  });

  it('holds the connection past the client timeout: the helper gives up with a retryable timeout', async () => {
    suite.emulator.injectFailure({
      path: '/2010-04-01/Accounts/*/Messages.json',
      fault: { type: 'timeout', holdMs: 10_000 },
    });
    const started = Date.now();
    const error = await twilioErrorOf(
      suite.clientWith({ timeoutMs: 300 }).messages.create({ to: patient, from: sender, body: reminderText }),
    );
    expect(error).toMatchObject({ kind: 'timeout', retryable: true });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(suite.emulator.outbox()).toEqual([]);
  });

  it('resets the connection: a retryable network error', async () => {
    suite.emulator.injectFailure({ product: 'api', fault: { type: 'connection-reset' } });
    const error = await twilioErrorOf(client.messages.list());
    expect(error).toMatchObject({ kind: 'network', retryable: true });
  });

  it('fails any Twilio error code for one To number only, for as many calls as asked', async () => {
    suite.emulator.injectFailure({
      to: patient,
      times: 2,
      fault: { type: 'error', code: 21610, status: 400 },
    });
    for (let i = 0; i < 2; i++) {
      const error = await twilioErrorOf(
        client.messages.create({ to: patient, from: sender, body: reminderText }),
      );
      expect(error).toMatchObject({ code: 21610, status: 400, retryable: false });
    }
    expect(
      (await client.messages.create({ to: otherPatient, from: sender, body: reminderText })).status,
    ).toBe('queued');
    expect((await client.messages.create({ to: patient, from: sender, body: reminderText })).status).toBe(
      'queued',
    );
    expect(suite.emulator.failures()).toEqual([]);
  });

  it('sets message outcomes: undelivered (30003) for one number, failed (30007) for the next message, with ErrorCode callbacks', async () => {
    suite.emulator.setMessageOutcome({ to: patient, status: 'undelivered', errorCode: 30003 });
    suite.emulator.setMessageOutcome({ status: 'failed', errorCode: 30007 });
    const statusCallback = `${suite.listener.url}/message-status`;
    const undelivered = await client.messages.create({
      to: patient,
      from: sender,
      body: reminderText,
      statusCallback,
    });
    const failed = await client.messages.create({
      to: otherPatient,
      from: sender,
      body: reminderText,
      statusCallback,
    });
    const delivered = await client.messages.create({
      to: otherPatient,
      from: sender,
      body: reminderText,
      statusCallback,
    });
    await suite.emulator.idle();

    expect(await client.messages(undelivered.sid).fetch()).toMatchObject({
      status: 'undelivered',
      errorCode: 30003,
    });
    expect(await client.messages(failed.sid).fetch()).toMatchObject({ status: 'failed', errorCode: 30007 });
    expect((await client.messages(delivered.sid).fetch()).status).toBe('delivered');
    const failedCallbacks = callbacksTo('/message-status').filter((c) => c.params.MessageSid === failed.sid);
    expect(failedCallbacks.map((c) => [c.params.MessageStatus, c.params.ErrorCode])).toEqual([
      ['failed', '30007'],
    ]);
    expect(suite.emulator.outbox().map((m) => m.status)).toEqual(['undelivered', 'failed', 'delivered']);
  });
});

describe('Video rooms and participants', () => {
  it('creates a group room with the requested region, size, timeouts and callback', async () => {
    const room = await client.video.v1.rooms.create({
      uniqueName: 'appointment-1001',
      mediaRegion: 'au1',
      maxParticipants: 2,
      emptyRoomTimeout: 2,
      unusedRoomTimeout: 3,
      statusCallback: `${suite.listener.url}/room-status`,
      statusCallbackMethod: 'POST',
    });
    expect(room).toMatchObject({
      type: 'group',
      status: 'in-progress',
      uniqueName: 'appointment-1001',
      mediaRegion: 'au1',
      maxParticipants: 2,
      emptyRoomTimeout: 2,
      unusedRoomTimeout: 3,
      statusCallbackMethod: 'POST',
    });
    expect(room.sid).toMatch(/^RM[0-9a-f]{32}$/);
    expect((await client.video.v1.rooms('appointment-1001').fetch()).sid).toBe(room.sid);
    await suite.emulator.idle();
    expect(callbacksTo('/room-status').map((c) => c.params.StatusCallbackEvent)).toEqual(['room-created']);
  });

  it('refuses a second in-progress room with the same UniqueName (53113, HTTP 400) and allows it after completion', async () => {
    const first = await client.video.v1.rooms.create({ uniqueName: 'appointment-1002' });
    const error = await twilioErrorOf(client.video.v1.rooms.create({ uniqueName: 'appointment-1002' }));
    expect(error).toMatchObject({ code: 53113, status: 400, retryable: false });
    const completed = await client.video.v1.rooms(first.sid).update({ status: 'completed' });
    expect(completed.status).toBe('completed');
    expect(completed.endTime).toBeInstanceOf(Date);
    const second = await client.video.v1.rooms.create({ uniqueName: 'appointment-1002' });
    expect(second.sid).not.toBe(first.sid);
    // Without a Status filter Twilio lists in-progress rooms only.
    expect((await client.video.v1.rooms.list()).map((r) => r.sid)).toEqual([second.sid]);
    const completedRooms = await client.video.v1.rooms.list({
      status: 'completed',
      uniqueName: 'appointment-1002',
    });
    expect(completedRooms.map((r) => r.sid)).toEqual([first.sid]);
  });

  it('simulated participants join and leave; the REST API lists, fetches and disconnects them; callbacks follow in order', async () => {
    const room = await client.video.v1.rooms.create({
      uniqueName: 'appointment-1003',
      statusCallback: `${suite.listener.url}/room-status`,
    });
    const clinician = suite.emulator.joinRoom(room.sid, 'clinician-7', ['audio', 'video']);
    suite.emulator.joinRoom('appointment-1003', 'patient-42', ['audio']);

    const connected = await client.video.v1.rooms(room.sid).participants.list({ status: 'connected' });
    expect(connected.map((p) => p.identity).sort()).toEqual(['clinician-7', 'patient-42']);
    const fetched = await client.video.v1.rooms(room.sid).participants(clinician.sid).fetch();
    expect(fetched).toMatchObject({ sid: clinician.sid, identity: 'clinician-7', status: 'connected' });
    expect(fetched.sid).toMatch(/^PA[0-9a-f]{32}$/);

    const removed = await client.video.v1
      .rooms(room.sid)
      .participants('patient-42')
      .update({ status: 'disconnected' });
    expect(removed.status).toBe('disconnected');
    expect(removed.duration).toEqual(expect.any(Number));
    suite.emulator.leaveRoom(room.sid, clinician.sid);
    await suite.emulator.idle();

    const callbacks = callbacksTo('/room-status');
    expect(callbacks.map((c) => c.params.StatusCallbackEvent)).toEqual([
      'room-created',
      'participant-connected',
      'track-added',
      'track-added',
      'participant-connected',
      'track-added',
      'track-removed',
      'participant-disconnected',
      'track-removed',
      'track-removed',
      'participant-disconnected',
    ]);
    expect(callbacks.map((c) => Number(c.params.SequenceNumber))).toEqual(callbacks.map((_, i) => i));
    const left = callbacks.find((c) => c.params.StatusCallbackEvent === 'participant-disconnected');
    expect(left?.params).toMatchObject({
      RoomSid: room.sid,
      RoomName: 'appointment-1003',
      RoomStatus: 'in-progress',
      RoomType: 'group',
      ParticipantIdentity: 'patient-42',
      ParticipantStatus: 'disconnected',
      ParticipantDuration: expect.stringMatching(/^\d+$/),
    });
    const trackAdded = callbacks.find((c) => c.params.StatusCallbackEvent === 'track-added');
    expect(trackAdded?.params.TrackKind).toBe('audio');
    expect(trackAdded?.params.Timestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
    callbacks.forEach(expectSignedByTwilio);
  });

  it('completing a room disconnects everyone and sends room-ended with RoomDuration', async () => {
    const room = await client.video.v1.rooms.create({ statusCallback: `${suite.listener.url}/room-status` });
    suite.emulator.joinRoom(room.sid, 'clinician-7', []);
    await client.video.v1.rooms(room.sid).update({ status: 'completed' });
    await suite.emulator.idle();
    const events = callbacksTo('/room-status').map((c) => c.params.StatusCallbackEvent);
    expect(events.slice(-2)).toEqual(['participant-disconnected', 'room-ended']);
    expect(callbacksTo('/room-status').at(-1)?.params.RoomDuration).toMatch(/^\d+$/);
    const participants = await client.video.v1.rooms(room.sid).participants.list();
    expect(participants.map((p) => p.status)).toEqual(['disconnected']);
  });

  it('ends an emptied room by itself after EmptyRoomTimeout, and an unused one after UnusedRoomTimeout', async () => {
    const emptied = await client.video.v1.rooms.create({ emptyRoomTimeout: 1, unusedRoomTimeout: 60 });
    const unused = await client.video.v1.rooms.create({ unusedRoomTimeout: 1 });
    suite.emulator.joinRoom(emptied.sid, 'patient-42', []);
    suite.emulator.leaveRoom(emptied.sid, 'patient-42');
    await eventually(async () => {
      expect((await client.video.v1.rooms(emptied.sid).fetch()).status).toBe('completed');
      expect((await client.video.v1.rooms(unused.sid).fetch()).status).toBe('completed');
    });
  });

  it('refuses a participant beyond MaxParticipants with 53105 and replaces a duplicate identity (53205 behaviour)', async () => {
    const room = await client.video.v1.rooms.create({ maxParticipants: 1 });
    const first = suite.emulator.joinRoom(room.sid, 'patient-42', []);
    expect(() => suite.emulator.joinRoom(room.sid, 'clinician-7', [])).toThrow(
      expect.objectContaining({ twilioCode: 53105 }) as Error,
    );
    const again = suite.emulator.joinRoom(room.sid, 'patient-42', []);
    expect(again.sid).not.toBe(first.sid);
    const fetchedFirst = await client.video.v1.rooms(room.sid).participants(first.sid).fetch();
    expect(fetchedFirst.status).toBe('disconnected');
  });

  it('sends a GET status callback, signed over its full URL, when StatusCallbackMethod=GET', async () => {
    await client.video.v1.rooms.create({
      statusCallback: `${suite.listener.url}/room-get?x=1`,
      statusCallbackMethod: 'GET',
    });
    await suite.emulator.idle();
    const [callback] = callbacksTo('/room-get');
    expect(callback?.method).toBe('GET');
    expect(callback?.params).toMatchObject({ x: '1', StatusCallbackEvent: 'room-created' });
    if (callback) expectSignedByTwilio(callback);
  });

  it('fires a raw room event through the control API without changing state', async () => {
    const room = await client.video.v1.rooms.create({ statusCallback: `${suite.listener.url}/room-status` });
    suite.emulator.joinRoom(room.sid, 'patient-42', ['video']);
    const response = await fetch(`${suite.emulator.url}/__emulator/rooms/${room.sid}/events`, {
      method: 'POST',
      body: JSON.stringify({ event: 'track-disabled', participant: 'patient-42', trackKind: 'video' }),
    });
    expect(response.status).toBe(204);
    await suite.emulator.idle();
    expect(callbacksTo('/room-status').at(-1)?.params).toMatchObject({
      StatusCallbackEvent: 'track-disabled',
      TrackKind: 'video',
    });
    expect(suite.emulator.rooms()[0]?.participants[0]?.status).toBe('connected');
  });
});

describe('Account, balance and numbers', () => {
  it('reports the account type and status, and refuses a suspended account with 20005 except for the account itself', async () => {
    expect(await client.api.v2010.accounts(accountSid).fetch()).toMatchObject({
      type: 'Full',
      status: 'active',
    });
    suite.emulator.setAccount({ status: 'suspended' });
    expect((await client.api.v2010.accounts(accountSid).fetch()).status).toBe('suspended');
    const error = await twilioErrorOf(
      client.messages.create({ to: patient, from: sender, body: reminderText }),
    );
    expect(error).toMatchObject({ code: 20005, retryable: false });
  });

  it('returns the balance and the incoming numbers with their capabilities', async () => {
    suite.emulator.setAccount({ balance: 12.5, currency: 'AUD' });
    suite.emulator.addIncomingPhoneNumber('+61480000002', { capabilities: { sms: false } });
    const balance = await client.balance.fetch();
    expect(balance).toMatchObject({ accountSid, balance: '12.50000', currency: 'AUD' });
    const numbers = await client.incomingPhoneNumbers.list();
    expect(numbers.map((n) => [n.phoneNumber, n.capabilities.sms])).toEqual([
      [sender, true],
      ['+61480000002', false],
    ]);
    expect(numbers[0]?.sid).toMatch(/^PN[0-9a-f]{32}$/);
  });
});

describe('Conformance with Twilio’s OpenAPI descriptions', () => {
  const checked = (
    product: 'api' | 'video',
    template: string,
    method: HttpMethod,
    status: number,
    body: unknown,
  ) => checkResponse(loadSpec(product), template, method, status, body);

  it('returns exactly the spec’s properties for Message, Account, Balance and the IncomingPhoneNumber list', async () => {
    const base = `api.twilio.com/2010-04-01/Accounts/${accountSid}`;
    const created = await raw('POST', `${base}/Messages.json`, {
      To: patient,
      From: sender,
      Body: reminderText,
    });
    expect(created.status).toBe(201);
    expect(created.body.date_created).toMatch(/^\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d \+0000$/);
    expect(
      checked('api', '/2010-04-01/Accounts/{AccountSid}/Messages.json', 'post', 201, created.body),
    ).toEqual([]);
    const account = await raw('GET', `${base}.json`);
    expect(checked('api', '/2010-04-01/Accounts/{Sid}.json', 'get', 200, account.body)).toEqual([]);
    const balance = await raw('GET', `${base}/Balance.json`);
    expect(
      checked('api', '/2010-04-01/Accounts/{AccountSid}/Balance.json', 'get', 200, balance.body),
    ).toEqual([]);
    const numbers = await raw('GET', `${base}/IncomingPhoneNumbers.json`);
    expect(
      checked('api', '/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json', 'get', 200, numbers.body),
    ).toEqual([]);
    expect(Object.keys(created.body).sort()).toEqual(
      Object.keys(
        loadSpec('api').resolve({ $ref: '#/components/schemas/api.v2010.account.message' }).properties ?? {},
      ).sort(),
    );
  });

  it('returns exactly the spec’s properties for Room and Participant, with ISO 8601 dates', async () => {
    const room = await raw('POST', 'video.twilio.com/v1/Rooms', { UniqueName: 'appointment-1004' });
    expect(room.body.date_created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(checked('video', '/v1/Rooms', 'post', 201, room.body)).toEqual([]);
    const participant = suite.emulator.joinRoom('appointment-1004', 'patient-42');
    const fetched = await raw(
      'GET',
      `video.twilio.com/v1/Rooms/${String(room.body.sid)}/Participants/${participant.sid}`,
    );
    expect(checked('video', '/v1/Rooms/{RoomSid}/Participants/{Sid}', 'get', 200, fetched.body)).toEqual([]);
  });

  it('answers a path Twilio does not have with 20404, a wrong method with 20004, an unemulated operation with 20404 naming it', async () => {
    expect((await raw('GET', 'api.twilio.com/2010-04-01/Nonsense.json')).body).toMatchObject({
      code: 20404,
      status: 404,
    });
    expect((await raw('DELETE', 'video.twilio.com/v1/Rooms')).body).toMatchObject({
      code: 20004,
      status: 405,
    });
    const calls = await raw('GET', `api.twilio.com/2010-04-01/Accounts/${accountSid}/Calls.json`);
    expect(calls.body).toMatchObject({ code: 20404 });
    expect(String(calls.body.message)).toContain(
      'does not implement GET /2010-04-01/Accounts/{AccountSid}/Calls.json',
    );
  });
});

describe('Callback delivery and logging', () => {
  it('retries a callback the app answered with 500, and records attempts without bodies', async () => {
    suite.listener.replies.push(500);
    await client.video.v1.rooms.create({ statusCallback: `${suite.listener.url}/room-status` });
    await suite.emulator.idle();
    expect(callbacksTo('/room-status')).toHaveLength(2);
    expect(suite.emulator.callbacks()).toMatchObject([
      { event: 'room-created', attempts: 2, result: 'delivered', responseStatus: 200 },
    ]);
    expect(logs.some((l) => l.event === 'emulator.callback_rejected' && l.status === 500)).toBe(true);
  });

  it('never logs message bodies or phone numbers', () => {
    const text = JSON.stringify(logs);
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of [
      reminderText,
      patient,
      otherPatient,
      sender,
      patient.slice(1),
      authToken,
      apiSecret,
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('Boundaries', () => {
  it('the client seam sends only Twilio API URLs to the emulator, keeping host, path and query', () => {
    expect(
      emulatorUri('http://127.0.0.1:3999/', 'https://video.twilio.com/v1/Rooms?Status=completed&PageSize=50'),
    ).toBe('http://127.0.0.1:3999/video.twilio.com/v1/Rooms?Status=completed&PageSize=50');
    expect(() => emulatorUri('http://127.0.0.1:3999', 'https://example.com/v1/Rooms')).toThrow();
    expect(() =>
      emulatorUri('http://127.0.0.1:3999', 'http://api.twilio.com/2010-04-01/Accounts.json'),
    ).toThrow();
  });

  it('product code (app/, lib/) never imports the emulator', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      let entries: string[];
      try {
        entries = readdirSync(dir);
      } catch {
        return;
      }
      for (const entry of entries) {
        const path = join(dir, entry);
        if (entry === 'node_modules' || entry === 'generated') continue;
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx|js|mjs)$/.test(entry) && readFileSync(path, 'utf8').includes('twilio-emulator'))
          offenders.push(path);
      }
    };
    walk(join(process.cwd(), 'app'));
    walk(join(process.cwd(), 'lib'));
    expect(offenders).toEqual([]);
  });

  it('with --latency-ms, holds each REST API request that long (Twilio across the Pacific) but never a control request', async () => {
    const slow = await startTwilioEmulator({
      accountSid,
      authToken,
      apiKeys: [{ sid: apiKey, secret: apiSecret }],
      apiLatencyMs: 800,
    });
    try {
      const slowClient = createTwilioClient({
        accountSid,
        apiKey,
        apiSecret,
        emulatorUrl: slow.url,
        timeoutMs: 3000,
      });
      const t0 = Date.now();
      await slowClient.api.v2010.accounts(accountSid).fetch();
      // Timers never fire early: the answer cannot come before the latency has passed.
      expect(Date.now() - t0).toBeGreaterThanOrEqual(800);
      const t1 = Date.now();
      expect((await fetch(`${slow.url}/__emulator/health`)).status).toBe(200);
      expect(Date.now() - t1).toBeLessThan(800);
    } finally {
      await slow.stop();
    }
  });

  it('the CLI takes the dev orchestrator’s flags, prints its URL as one stdout line, and exits 0 on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        join(process.cwd(), 'node_modules/tsx/dist/cli.mjs'),
        'scripts/twilio-emulator/main.ts',
        '--port',
        '0',
        '--account-sid',
        accountSid,
        '--auth-token',
        authToken,
        '--api-key',
        apiKey,
        '--api-secret',
        apiSecret,
        '--phone-number',
        sender,
        '--whatsapp-from',
        `whatsapp:${sender}`,
        '--log-level',
        'silent',
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const lines = createInterface({ input: child.stdout });
    const url = await new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      child.once('exit', () => reject(new Error('emulator CLI exited before printing its URL')));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${url}/__emulator/health`);
    expect(await health.json()).toEqual({ ok: true, accountSid });
    const viaKey = await fetch(`${url}/api.twilio.com/2010-04-01/Accounts/${accountSid}/Balance.json`, {
      headers: { Authorization: `Basic ${Buffer.from(`${apiKey}:${apiSecret}`).toString('base64')}` },
    });
    expect(viaKey.status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
