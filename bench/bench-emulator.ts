// The Twilio emulator for a benchmark, with this process's env pointed at it
// and at the bench database, so the portal's code runs as it would in production.
import { setEnvForThisProcess } from '@/lib/env';

export const benchCredentials = {
  accountSid: 'AC0123456789abcdef0123456789abcdef',
  authToken: '0123456789abcdef0123456789abcdef',
  apiKey: 'SK0123456789abcdef0123456789abcdef',
  apiSecret: 'a-long-enough-api-key-secret-for-bench',
};

/** `env` adds to or overrides the variables set here (APP_URL among them). */
export async function startBenchEmulator(databaseUrl: string, env: Record<string, string> = {}) {
  // Imported here, after the bench has registered its module hooks.
  const { startTwilioEmulator } = await import('@/scripts/twilio-emulator');
  const c = benchCredentials;
  const emulator = await startTwilioEmulator({
    accountSid: c.accountSid,
    authToken: c.authToken,
    apiKeys: [{ sid: c.apiKey, secret: c.apiSecret }],
  });
  for (const [key, value] of Object.entries({
    DATABASE_URL: databaseUrl,
    TWILIO_ACCOUNT_SID: c.accountSid,
    TWILIO_AUTH_TOKEN: c.authToken,
    TWILIO_API_KEY: c.apiKey,
    TWILIO_API_SECRET: c.apiSecret,
    TWILIO_EMULATOR_URL: emulator.url,
    APP_URL: 'https://portal.bench.invalid',
    AUTH_SECRET: 'bench-auth-secret-0123456789abcdef0123456789',
    ...env,
  })) {
    setEnvForThisProcess(key, value);
  }
  return emulator;
}
