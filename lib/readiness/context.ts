import 'server-only';

// Everything a readiness check may use, gathered once per run: configuration,
// Twilio clients, the admin's settings and ticks, and a memo so that checks
// asking the same question of Twilio (the account, the key list) ask it once.
import type { ServerEnv } from '@/lib/env';
import type { TwilioClient } from '@/lib/twilio/client';

import type { ManualItemId, ManualTick, ReadinessSettings, TemplateMapping } from './types';

export interface ReadinessContext {
  env: ServerEnv;
  now: Date;
  /** The portal's public base URL without a trailing slash. */
  appUrl: string;
  /** The portal's Twilio client (API key, configured region and edge). */
  twilio: () => TwilioClient;
  /** A client for Twilio's default region (us1) with the auth token. */
  us1Twilio: () => TwilioClient;
  settings: ReadinessSettings;
  manualTicks: Partial<Record<ManualItemId, ManualTick>>;
  /**
   * The reminder templates and their Content SIDs; 'whatsapp-off' when the clinic's reminder
   * settings send everything by SMS; null when the reminders module offers no mapping.
   */
  whatsappTemplates: () => Promise<TemplateMapping[] | 'whatsapp-off' | null>;
  /** For the webhook probes; a test can hand in its own. */
  fetch: typeof fetch;
  memo<T>(key: string, load: () => Promise<T>): Promise<T>;
}

export type ReadinessContextInput = Omit<ReadinessContext, 'memo'>;

export function createReadinessContext(input: ReadinessContextInput): ReadinessContext {
  const cache = new Map<string, Promise<unknown>>();
  return {
    ...input,
    memo<T>(key: string, load: () => Promise<T>): Promise<T> {
      let value = cache.get(key) as Promise<T> | undefined;
      if (!value) {
        value = load();
        cache.set(key, value);
      }
      return value;
    },
  };
}
