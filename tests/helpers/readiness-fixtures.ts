// Services for the readiness and billing integration tests: the Twilio
// emulator, and a small HTTP server that hands what the emulator sends
// (room callbacks, test message statuses, usage triggers) to the portal's real
// route handlers by path, as Twilio would reach them in production; the
// portal's env points at both.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { NextRequest } from 'next/server';

import { setEnvForThisProcess } from '@/lib/env';
import {
  startTwilioEmulator,
  type TwilioEmulator,
  type TwilioEmulatorOptions,
} from '@/scripts/twilio-emulator';

type Handler = (
  request: NextRequest,
  segment: { params: Promise<Record<string, never>> },
) => Promise<Response>;

export const readinessCredentials = {
  accountSid: 'AC6123456789abcdef0123456789abcdef',
  authToken: '6123456789abcdef0123456789abcdef',
  apiKey: 'SK6123456789abcdef0123456789abcdef',
  apiSecret: 'a-long-enough-api-key-secret-for-tests',
  smsNumber: '+61480000041',
  whatsappFrom: 'whatsapp:+61480000042',
};

export type ReadinessServices = {
  emulator: TwilioEmulator;
  appUrl: string;
  /** Path and status of every request the portal's routes answered, in order. */
  answered: Array<{ path: string; status: number }>;
  stop(): Promise<void>;
};

export async function startReadinessServices(
  routes: Record<string, Handler>,
  options: Partial<TwilioEmulatorOptions> = {},
): Promise<ReadinessServices> {
  const answered: ReadinessServices['answered'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const handler = routes[path];
      if (!handler) {
        answered.push({ path, status: 404 });
        res.writeHead(404).end();
        return;
      }
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      const request = new NextRequest(`http://${req.headers.host}${req.url}`, {
        method: req.method,
        headers,
        body: Buffer.concat(chunks),
      });
      handler(request, { params: Promise.resolve({}) })
        .then(async (response) => {
          answered.push({ path, status: response.status });
          res.writeHead(response.status).end(await response.text());
        })
        .catch(() => res.writeHead(500).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const c = readinessCredentials;
  const emulator = await startTwilioEmulator({
    accountSid: c.accountSid,
    authToken: c.authToken,
    apiKeys: [{ sid: c.apiKey, secret: c.apiSecret }],
    phoneNumbers: [c.smsNumber],
    whatsappSenders: [c.whatsappFrom],
    messageStepMs: 10,
    callbackBackoffMs: 20,
    ...options,
  });
  const settings: Record<string, string> = {
    TWILIO_ACCOUNT_SID: c.accountSid,
    TWILIO_AUTH_TOKEN: c.authToken,
    TWILIO_API_KEY: c.apiKey,
    TWILIO_API_SECRET: c.apiSecret,
    TWILIO_PHONE_NUMBER: c.smsNumber,
    TWILIO_WHATSAPP_FROM: c.whatsappFrom,
    TWILIO_EMULATOR_URL: emulator.url,
    TWILIO_STATUS_CALLBACK_URL: `${appUrl}/api/appointments/twilio-status-callback/`,
    APP_URL: appUrl,
    AUTH_SECRET: 'readiness-tests-auth-secret-0123456789abcdef',
  };
  for (const [key, value] of Object.entries(settings)) setEnvForThisProcess(key, value);
  return {
    emulator,
    appUrl,
    answered,
    async stop() {
      await emulator.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export async function eventually(check: () => void | Promise<void>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}
