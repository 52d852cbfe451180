// The one edge every Twilio webhook goes through (lib/twilio/webhook.ts), on
// all five routes: the form is read once, bounded (413) and form-encoded only
// (415); unsigned requests get 403 and write nothing; signed fields Twilio
// would never send (control characters, out-of-range numbers, repeated keys)
// get 400, which Twilio does not retry; Twilio's extra fields pass.
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';

import { POST as roomCallback } from '@/app/api/appointments/twilio-status-callback/route';
import { POST as inbound } from '@/app/api/twilio/messages/inbound/route';
import { POST as messageStatus } from '@/app/api/twilio/messages/status/route';
import { POST as readinessStatus } from '@/app/api/twilio/readiness/message-status/route';
import { POST as usageTrigger } from '@/app/api/twilio/usage-triggers/route';
import { db } from '@/lib/db/client';
import { setEnvForThisProcess } from '@/lib/env';
import { WEBHOOK_BODY_LIMIT_BYTES } from '@/lib/twilio/webhook';
import { twilioSignature } from '@/scripts/twilio-emulator';

const APP = 'https://portal.example.test';
const TOKEN = 'fedcba9876543210fedcba9876543210';

beforeAll(() => {
  const settings: Record<string, string> = {
    TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`,
    TWILIO_AUTH_TOKEN: TOKEN,
    TWILIO_API_KEY: `SK${'2'.repeat(32)}`,
    TWILIO_API_SECRET: 'edge-test-api-key-secret-long-enough',
    TWILIO_EMULATOR_URL: 'http://127.0.0.1:9',
    TWILIO_STATUS_CALLBACK_URL: `${APP}/api/appointments/twilio-status-callback/`,
    APP_URL: APP,
    AUTH_SECRET: 'edge-tests-auth-secret-0123456789abcdef',
  };
  for (const [key, value] of Object.entries(settings)) setEnvForThisProcess(key, value);
});

type Handler = (
  request: NextRequest,
  segment: { params: Promise<Record<string, never>> },
) => Promise<Response>;
const ctx = { params: Promise.resolve({}) as Promise<Record<string, never>> };

let n = 0;
const hex = () => (++n).toString(16).padStart(32, '0');

type Options = {
  signed?: boolean;
  contentType?: string;
  body?: string;
  signedParams?: Record<string, string | string[]>;
};

function post(handler: Handler, path: string, params: Record<string, string>, options: Options = {}) {
  const url = `${APP}${path}`;
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
  };
  if (options.signed !== false) {
    headers['x-twilio-signature'] = twilioSignature(TOKEN, url, options.signedParams ?? params);
  }
  const body = options.body ?? new URLSearchParams(params).toString();
  return handler(new NextRequest(url, { method: 'POST', headers, body }), ctx);
}

const routes = {
  messageStatus: {
    handler: messageStatus as Handler,
    path: '/api/twilio/messages/status',
    valid: () => ({ MessageSid: `SM${hex()}`, MessageStatus: 'delivered', AccountSid: `AC${hex()}` }),
    count: () => db().messageStatusEvent.count(),
    ok: 204,
  },
  inbound: {
    handler: inbound as Handler,
    path: '/api/twilio/messages/inbound',
    valid: () => ({ MessageSid: `SM${hex()}`, From: '+61491570006', Body: 'hello\nthere', NumMedia: '0' }),
    count: () => db().inboundReply.count(),
    ok: 200,
  },
  readinessStatus: {
    handler: readinessStatus as Handler,
    path: '/api/twilio/readiness/message-status',
    valid: () => ({ MessageSid: `SM${hex()}`, MessageStatus: 'sent', ApiVersion: '2010-04-01' }),
    count: () => db().readinessTestEvent.count(),
    ok: 204,
  },
  usageTrigger: {
    handler: usageTrigger as Handler,
    path: '/api/twilio/usage-triggers',
    valid: () => ({
      UsageTriggerSid: `UT${hex()}`,
      UsageCategory: 'totalprice',
      TriggerValue: String(100 + n),
      CurrentValue: '150.25',
      DateFired: '2026-11-20T01:00:00Z',
      IdempotencyToken: 'x',
    }),
    count: () => db().billingAlert.count(),
    ok: 204,
  },
  roomCallback: {
    handler: roomCallback as Handler,
    path: '/api/appointments/twilio-status-callback/',
    valid: () => ({
      RoomSid: `RM${hex()}`,
      StatusCallbackEvent: 'participant-connected',
      Timestamp: '2026-11-20T01:00:00.000Z',
      ParticipantSid: `PA${hex()}`,
      AccountSid: `AC${hex()}`,
    }),
    count: () => db().videoRoomEvent.count(),
    ok: 204,
  },
};

describe.each(Object.entries(routes))('the Twilio webhook edge on %s', (_, r) => {
  it('answers a correct, signed callback (with Twilio’s extra fields) as before and stores it', async () => {
    const before = await r.count();
    const response = await post(r.handler, r.path, r.valid());
    expect(response.status).toBe(r.ok);
    if (r.path !== '/api/twilio/readiness/message-status') expect(await r.count()).toBe(before + 1);
  });

  it('refuses an unsigned callback with 403 and writes nothing', async () => {
    const before = await r.count();
    const response = await post(r.handler, r.path, r.valid(), { signed: false });
    expect(response.status).toBe(403);
    expect((await response.json()).error.message).toMatch(/signature/);
    expect(await r.count()).toBe(before);
  });

  it('refuses a signed callback with a NUL character in a field with 400 and writes nothing', async () => {
    const before = await r.count();
    const params = r.valid() as Record<string, string>;
    // The second field of each is one the route reads (a status, a sender, a category, an event).
    const field = Object.keys(params)[1]!;
    params[field] = `${params[field]!.slice(0, 3)}\u0000${params[field]!.slice(3)}`;
    const response = await post(r.handler, r.path, params);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.fields).toContain(field);
    expect(JSON.stringify(body)).not.toContain('\u0000');
    expect(await r.count()).toBe(before);
  });

  it('refuses a body over the limit with 413 before checking anything else', async () => {
    const params = { ...r.valid(), Padding: 'x'.repeat(WEBHOOK_BODY_LIMIT_BYTES) };
    expect((await post(r.handler, r.path, params)).status).toBe(413);
  });

  it('refuses JSON (or any content type but a form) with 415', async () => {
    const params = r.valid();
    const response = await post(r.handler, r.path, params, {
      contentType: 'application/json',
      body: JSON.stringify(params),
    });
    expect(response.status).toBe(415);
  });

  it('refuses a signed callback that repeats a field it reads with 400', async () => {
    const params = r.valid() as Record<string, string>;
    const [first] = Object.keys(params);
    const body = `${new URLSearchParams(params).toString()}&${first}=${encodeURIComponent(params[first!]!)}x`;
    const signedParams = { ...params, [first!]: [params[first!]!, `${params[first!]!}x`] };
    expect((await post(r.handler, r.path, params, { body, signedParams })).status).toBe(400);
  });

  it('refuses a signed callback missing every field with 400', async () => {
    expect((await post(r.handler, r.path, {})).status).toBe(400);
  });
});

/** A route's valid callback with some fields changed, signed as Twilio would. */
function postValidWith(
  route: { handler: Handler; path: string; valid: () => Record<string, string> },
  changes: Record<string, string>,
) {
  return post(route.handler, route.path, { ...route.valid(), ...changes });
}

describe('field rules on single routes', () => {
  it('refuses TriggerValue=3000000000 (past what the alert columns hold) with 400 and raises nothing', async () => {
    const before = await routes.usageTrigger.count();
    const response = await postValidWith(routes.usageTrigger, { TriggerValue: '3000000000' });
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toEqual(['TriggerValue']);
    expect(await routes.usageTrigger.count()).toBe(before);
  });

  it('refuses Body=hi\\u0000there on an inbound reply but keeps new lines and tabs in free text', async () => {
    const bad = await postValidWith(routes.inbound, { Body: 'hi\u0000there' });
    expect(bad.status).toBe(400);
    const good = await postValidWith(routes.inbound, { Body: 'line one\r\n\tline two' });
    expect(good.status).toBe(200);
  });

  it('refuses MessageStatus=deliv\\u0000ered and ParticipantSid=PA\\u0000x with 400', async () => {
    const status = await postValidWith(routes.messageStatus, { MessageStatus: 'deliv\u0000ered' });
    expect(status.status).toBe(400);
    const room = await postValidWith(routes.roomCallback, { ParticipantSid: 'PA\u0000x' });
    expect(room.status).toBe(400);
  });

  it('accepts the room callback signed for the URL with its trailing slash when served without it', async () => {
    const params = routes.roomCallback.valid();
    const signature = twilioSignature(TOKEN, `${APP}/api/appointments/twilio-status-callback/`, params);
    const request = new NextRequest(`${APP}/api/appointments/twilio-status-callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(params).toString(),
    });
    expect((await roomCallback(request, ctx)).status).toBe(204);
  });
});
