import 'server-only';

// A client for Twilio's default region (us1) with the account's auth token,
// whatever TWILIO_REGION/TWILIO_EDGE say. Only for questions that must be asked
// of us1 itself, such as "is our Video API key a US1 key?" (Twilio rejects
// Video tokens signed with keys from other regions).
import { env } from '@/lib/env';

import { createTwilioClient, type TwilioClient } from './client';

export function defaultRegionClient(): TwilioClient {
  const e = env();
  if (!e.TWILIO_ACCOUNT_SID || !e.TWILIO_AUTH_TOKEN) {
    throw new Error('TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are needed to ask Twilio about the API key');
  }
  return createTwilioClient({
    accountSid: e.TWILIO_ACCOUNT_SID,
    authToken: e.TWILIO_AUTH_TOKEN,
    emulatorUrl: e.TWILIO_EMULATOR_URL,
    mockUrls: e.TWILIO_MOCK_URLS,
  });
}
