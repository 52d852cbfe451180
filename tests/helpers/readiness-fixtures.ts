// Services for the readiness and billing integration tests: the Twilio
// emulator, and a small HTTP server that hands what the emulator sends
// (room callbacks, test message statuses, usage triggers) to the portal's real
// route handlers by path, as Twilio would reach them in production; the
// portal's env points at both.
import {
  startTwilioEmulator,
  type TwilioEmulator,
  type TwilioEmulatorOptions,
} from '@/scripts/twilio-emulator';

import { pointPortalAtEmulator } from './portal-env';
import { startRouteServer, type RouteHandler } from './route-server';

export { eventually } from './eventually';

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
  routes: Record<string, RouteHandler>,
  options: Partial<TwilioEmulatorOptions> = {},
): Promise<ReadinessServices> {
  const server = await startRouteServer(routes);
  const appUrl = server.url;
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
  pointPortalAtEmulator(
    c,
    { emulatorUrl: emulator.url, appUrl, authSecret: 'readiness-tests-auth-secret-0123456789abcdef' },
    {
      TWILIO_PHONE_NUMBER: c.smsNumber,
      TWILIO_WHATSAPP_FROM: c.whatsappFrom,
      TWILIO_STATUS_CALLBACK_URL: `${appUrl}/api/appointments/twilio-status-callback/`,
    },
  );
  return {
    emulator,
    appUrl,
    answered: server.answered,
    async stop() {
      await emulator.stop();
      await server.close();
    },
  };
}
