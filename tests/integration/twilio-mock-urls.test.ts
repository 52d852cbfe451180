// TWILIO_MOCK_URLS points the portal at standard Twilio mocks, as Twilio's guide
// to mocking its API with Prism sets them up: one mock per OpenAPI file (so per
// API domain), each request sent with the host swapped and the path unchanged.
// The mocks here are loopback servers that route like Prism: by the path alone,
// with no host prefix, answering 404 to anything else.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { setEnvForThisProcess } from '@/lib/env';
import { parseServerEnv } from '@/lib/env/schema';
import { createTwilioClient, twilioClient } from '@/lib/twilio/client';
import { emulatorUri, mockUri } from '@/lib/twilio/emulator-request-client';
import { fetchAccount } from '@/lib/twilio/fetch-account';
import { sendMessage } from '@/lib/twilio/send-message';
import { fetchRoom } from '@/lib/twilio/video-rooms';

const ACCOUNT_SID = `AC${'a1'.repeat(16)}`;
const AUTH_TOKEN = 'b2'.repeat(16);

type Seen = { method: string; path: string; host: string; auth: string; body: string };

/** A Prism-like mock: answers the operations it knows by exact path, 404 otherwise. */
async function startMock(
  routes: Record<string, (body: URLSearchParams) => [number, object]>,
): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      const path = new URL(req.url ?? '/', 'http://mock').pathname;
      seen.push({
        method: req.method ?? '',
        path,
        host: req.headers.host ?? '',
        auth: req.headers.authorization ?? '',
        body,
      });
      const route = routes[`${req.method} ${path}`];
      const [status, json] = route
        ? route(new URLSearchParams(body))
        : [404, { code: 404, message: 'Route not resolved, no path matched' }];
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

let api: Awaited<ReturnType<typeof startMock>>;
let video: Awaited<ReturnType<typeof startMock>>;
const messageSid = `SM${'c3'.repeat(16)}`;
const roomSid = `RM${'d4'.repeat(16)}`;

beforeAll(async () => {
  api = await startMock({
    [`POST /2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`]: (body) => [
      201,
      {
        sid: messageSid,
        account_sid: ACCOUNT_SID,
        to: body.get('To'),
        from: body.get('From'),
        body: body.get('Body'),
        status: 'queued',
        num_segments: '1',
        error_code: null,
        date_created: 'Fri, 04 Dec 2026 23:00:00 +0000',
        direction: 'outbound-api',
      },
    ],
    [`GET /2010-04-01/Accounts/${ACCOUNT_SID}.json`]: () => [
      200,
      { sid: ACCOUNT_SID, friendly_name: 'Mock', status: 'active', type: 'Full' },
    ],
  });
  video = await startMock({
    [`GET /v1/Rooms/${roomSid}`]: () => [
      200,
      { sid: roomSid, unique_name: 'room', status: 'in-progress', type: 'group', max_participants: 2 },
    ],
  });
});

afterAll(async () => {
  for (const m of [api, video]) await new Promise((r) => m?.server.close(r));
});

describe('TWILIO_MOCK_URLS', () => {
  it('reads one URL as the mock for every Twilio domain, or domain=URL pairs for one mock per domain', () => {
    expect(parseServerEnv({ TWILIO_MOCK_URLS: 'http://127.0.0.1:4010' }).TWILIO_MOCK_URLS).toEqual({
      '*': 'http://127.0.0.1:4010',
    });
    expect(
      parseServerEnv({ TWILIO_MOCK_URLS: 'api=http://127.0.0.1:4010, video=http://127.0.0.1:4011' })
        .TWILIO_MOCK_URLS,
    ).toEqual({ api: 'http://127.0.0.1:4010', video: 'http://127.0.0.1:4011' });
    expect(parseServerEnv({ TWILIO_MOCK_URLS: '' }).TWILIO_MOCK_URLS).toBeUndefined();
  });

  it('names the variable when its value is malformed, or when the emulator URL is set too', () => {
    expect(() => parseServerEnv({ TWILIO_MOCK_URLS: 'api=not a url' })).toThrow(/TWILIO_MOCK_URLS must be/);
    expect(() => parseServerEnv({ TWILIO_MOCK_URLS: 'ftp://127.0.0.1' })).toThrow(/TWILIO_MOCK_URLS/);
    expect(() =>
      parseServerEnv({
        TWILIO_MOCK_URLS: 'http://127.0.0.1:4010',
        TWILIO_EMULATOR_URL: 'http://127.0.0.1:3999',
      }),
    ).toThrow(/TWILIO_MOCK_URLS and TWILIO_EMULATOR_URL are both set/);
  });

  it('refuses a mock in production unless TWILIO_EMULATOR=1 says it is a test deployment', () => {
    const production = { NODE_ENV: 'production', TWILIO_MOCK_URLS: 'http://127.0.0.1:4010' };
    expect(() => parseServerEnv(production)).toThrow(/TWILIO_MOCK_URLS is set in production/);
    expect(() => parseServerEnv({ ...production, TWILIO_EMULATOR: '1' })).not.toThrow(
      /TWILIO_MOCK_URLS is set in production/,
    );
  });

  it('swaps the host for the mock and keeps the path, whatever region or edge the host names', () => {
    const urls = { api: 'http://127.0.0.1:4010/', '*': 'http://127.0.0.1:4019' };
    expect(mockUri(urls, `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`)).toBe(
      `http://127.0.0.1:4010/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`,
    );
    expect(mockUri(urls, 'https://api.sydney.au1.twilio.com/2010-04-01/Accounts.json?PageSize=1')).toBe(
      'http://127.0.0.1:4010/2010-04-01/Accounts.json?PageSize=1',
    );
    expect(mockUri(urls, 'https://video.twilio.com/v1/Rooms')).toBe('http://127.0.0.1:4019/v1/Rooms');
    expect(() => mockUri({ api: 'http://127.0.0.1:4010' }, 'https://video.twilio.com/v1/Rooms')).toThrow(
      /add video=<its URL> to TWILIO_MOCK_URLS/,
    );
    expect(() => mockUri(urls, 'https://example.com/v1/Rooms')).toThrow(/Only Twilio API URLs/);
    // The project's own emulator keeps its convention: the host stays in the path.
    expect(emulatorUri('http://127.0.0.1:3999', 'https://video.twilio.com/v1/Rooms')).toBe(
      'http://127.0.0.1:3999/video.twilio.com/v1/Rooms',
    );
  });

  it("sends the portal's Twilio calls to the mock of each domain with the path unchanged", async () => {
    setEnvForThisProcess('TWILIO_ACCOUNT_SID', ACCOUNT_SID);
    setEnvForThisProcess('TWILIO_AUTH_TOKEN', AUTH_TOKEN);
    setEnvForThisProcess('TWILIO_EMULATOR_URL', '');
    setEnvForThisProcess('TWILIO_MOCK_URLS', `api=${api.url},video=${video.url}`);
    const client = twilioClient();

    const accepted = await sendMessage(
      {
        channel: 'SMS',
        to: '+61400000001',
        from: '+61480000001',
        body: 'Hello from the mock test',
        statusCallback: 'https://portal.example/api/twilio/messages/status?claim=x',
      },
      client,
    );
    expect(accepted).toMatchObject({ sid: messageSid, status: 'queued', segments: 1 });
    expect(await fetchAccount(client)).toMatchObject({ type: 'Full' });
    expect(await fetchRoom(roomSid, client)).toMatchObject({ sid: roomSid, status: 'in-progress' });

    expect(api.seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`,
      `GET /2010-04-01/Accounts/${ACCOUNT_SID}.json`,
    ]);
    expect(video.seen.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /v1/Rooms/${roomSid}`]);
    // Exactly what Twilio would get: the helper's Basic auth and form body.
    expect(api.seen[0]!.auth).toBe(`Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`);
    expect(new URLSearchParams(api.seen[0]!.body).get('To')).toBe('+61400000001');
  });

  it('answers a request for a domain no mock serves with an error naming the variable, before any call', async () => {
    const client = createTwilioClient({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      mockUrls: { api: api.url },
    });
    const before = video.seen.length;
    await expect(client.video.v1.rooms(roomSid).fetch()).rejects.toThrow(
      /add video=<its URL> to TWILIO_MOCK_URLS/,
    );
    expect(video.seen.length).toBe(before);
  });
});
