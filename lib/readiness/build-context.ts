import 'server-only';

// The readiness context for this deployment: its configuration, its Twilio
// clients and what the admin set. The page, the CLI and the tests build theirs
// here (tests with their own clients and fetch).
import { env } from '@/lib/env';
import { twilioClient } from '@/lib/twilio/client';
import { defaultRegionClient } from '@/lib/twilio/default-region-client';

import { appBaseUrl } from '@/lib/http/public-url';
import { createReadinessContext, type ReadinessContext, type ReadinessContextInput } from './context';
import { defaultReadinessSettings } from './types';

export function buildReadinessContext(overrides: Partial<ReadinessContextInput> = {}): ReadinessContext {
  return createReadinessContext({
    env: env(),
    now: new Date(),
    appUrl: appBaseUrl(),
    twilio: twilioClient,
    us1Twilio: defaultRegionClient,
    settings: defaultReadinessSettings,
    manualTicks: {},
    whatsappTemplates: async () => null,
    fetch: globalThis.fetch,
    ...overrides,
  });
}
