import type { ServerEnv } from '@/lib/env';

/**
 * Whether Twilio's addresses must be https: in production, except for a test
 * deployment that talks to the Twilio emulator on purpose (TWILIO_EMULATOR=1,
 * as the end-to-end tests run), where nothing leaves the machine.
 */
export function requiresHttps(env: ServerEnv): boolean {
  return env.NODE_ENV === 'production' && !env.TWILIO_EMULATOR;
}
