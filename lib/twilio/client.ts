import 'server-only';

// The portal's only Twilio REST client. Everything that talks to Twilio gets it
// from here, so credentials, region/edge, timeouts and the stand-in seam (the
// project's emulator, or a standard Prism mock) are decided in one place and
// nothing else builds Twilio URLs.
import twilio from 'twilio';

import { env } from '@/lib/env';

import { EmulatorRequestClient } from './emulator-request-client';

export type TwilioClient = twilio.Twilio;

export interface TwilioClientOptions {
  accountSid: string;
  /** An API key and its secret (preferred: revocable, not the account's master credential)… */
  apiKey?: string;
  apiSecret?: string;
  /** …or the account's auth token. */
  authToken?: string;
  /** Where Twilio handles the REST traffic, e.g. region au1 with edge sydney. */
  region?: string;
  edge?: string;
  /** Base URL of the local Twilio emulator; when set, every request goes there instead. */
  emulatorUrl?: string;
  /**
   * Standard Twilio mocks (Prism serving Twilio's OpenAPI files) by API domain, '*' for any other:
   * requests go to the mock with their path unchanged (lib/twilio/emulator-request-client.ts).
   */
  mockUrls?: Record<string, string>;
  timeoutMs?: number;
}

// Twilio's own default is 30 s; a page waiting on Twilio should give up sooner and let a job retry.
const defaultTimeoutMs = 15_000;

export function createTwilioClient(options: TwilioClientOptions): TwilioClient {
  const useKey = Boolean(options.apiKey && options.apiSecret);
  const username = useKey ? options.apiKey : options.accountSid;
  const password = useKey ? options.apiSecret : options.authToken;
  if (!password) throw new Error('Twilio credentials missing: give an API key and secret, or an auth token');
  const timeout = options.timeoutMs ?? defaultTimeoutMs;
  return twilio(username, password, {
    accountSid: options.accountSid,
    // Empty strings rather than undefined: the helper would otherwise fall back to reading process.env itself.
    region: options.region ?? '',
    edge: options.edge ?? '',
    logLevel: 'info',
    timeout,
    // The only emulator branch in the portal: a different transport, everything else unchanged.
    httpClient: options.emulatorUrl
      ? new EmulatorRequestClient({ emulatorUrl: options.emulatorUrl }, { timeout })
      : options.mockUrls
        ? new EmulatorRequestClient({ mockUrls: options.mockUrls }, { timeout })
        : undefined,
  });
}

/** True when the environment holds enough to call Twilio (or the emulator). */
export function twilioConfigured(): boolean {
  const e = env();
  return Boolean(e.TWILIO_ACCOUNT_SID && ((e.TWILIO_API_KEY && e.TWILIO_API_SECRET) || e.TWILIO_AUTH_TOKEN));
}

let cached: { key: string; client: TwilioClient } | undefined;

/** The shared client, built from env() on first use (and rebuilt if those settings change). */
export function twilioClient(): TwilioClient {
  const e = env();
  if (!twilioConfigured() || !e.TWILIO_ACCOUNT_SID) {
    throw new Error(
      'Twilio is not configured: set TWILIO_ACCOUNT_SID and TWILIO_API_KEY/TWILIO_API_SECRET or TWILIO_AUTH_TOKEN',
    );
  }
  if (e.NODE_ENV === 'production' && (e.TWILIO_EMULATOR_URL || e.TWILIO_MOCK_URLS) && !e.TWILIO_EMULATOR) {
    // Production traffic must never be captured by an emulator by accident (lib/env refuses this at start-up too).
    throw new Error('TWILIO_EMULATOR_URL or TWILIO_MOCK_URLS is set in production without TWILIO_EMULATOR=1');
  }
  const options: TwilioClientOptions = {
    accountSid: e.TWILIO_ACCOUNT_SID,
    apiKey: e.TWILIO_API_KEY,
    apiSecret: e.TWILIO_API_SECRET,
    authToken: e.TWILIO_AUTH_TOKEN,
    region: e.TWILIO_REGION,
    edge: e.TWILIO_EDGE,
    emulatorUrl: e.TWILIO_EMULATOR_URL,
    mockUrls: e.TWILIO_MOCK_URLS,
  };
  const key = JSON.stringify(options);
  if (cached?.key !== key) cached = { key, client: createTwilioClient(options) };
  return cached.client;
}
