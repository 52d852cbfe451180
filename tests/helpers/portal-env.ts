// Points the portal's env, in this test process, at a local emulator: the
// account it signs in with, where the emulator is, and the portal's own public
// address (where the emulator's callbacks go).
import { setEnvForThisProcess } from '@/lib/env';

type Account = { accountSid: string; authToken: string; apiKey: string; apiSecret: string };

/** `more` adds the variables a suite also needs (sender numbers, the status callback URL). */
export function pointPortalAtEmulator(
  account: Account,
  where: { emulatorUrl: string; appUrl: string; authSecret: string },
  more: Record<string, string> = {},
): void {
  const settings: Record<string, string> = {
    TWILIO_ACCOUNT_SID: account.accountSid,
    TWILIO_AUTH_TOKEN: account.authToken,
    TWILIO_API_KEY: account.apiKey,
    TWILIO_API_SECRET: account.apiSecret,
    TWILIO_EMULATOR_URL: where.emulatorUrl,
    APP_URL: where.appUrl,
    AUTH_SECRET: where.authSecret,
    ...more,
  };
  for (const [key, value] of Object.entries(settings)) setEnvForThisProcess(key, value);
}
