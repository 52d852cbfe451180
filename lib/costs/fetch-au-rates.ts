import 'server-only';

// SMS and number prices for Australia from Twilio's Pricing API, kept for an
// hour (prices change rarely; the costs page should not wait on Twilio each
// time). null fields when the API cannot be reached: costs are then left
// unpriced rather than guessed (0.0079 USD is the US SMS price, not ours).
import { announceSettingsChanged, watchSettings } from '@/lib/db/settings-changed';
import { log } from '@/lib/log/logger';
import type { TwilioClient } from '@/lib/twilio/client';
import { twilioClient } from '@/lib/twilio/client';
import { toTwilioError } from '@/lib/twilio/errors';
import { fetchAuPrices } from '@/lib/twilio/fetch-au-prices';

export interface AuRates {
  smsSegment: number | null;
  phoneNumberMonthly: number | null;
  fetchedAt: Date | null;
}

const ttlMs = 60 * 60_000;
let cached: { value: AuRates; expiresAt: number } | undefined;
/** The prices this process last read, to tell the others when they change. */
let lastSeen: string | undefined;

const forgetChanged = (change: { setting: string } | 'everything') => {
  if (change === 'everything' || change.setting === 'rates') cached = undefined;
};

export async function fetchAuRates(
  client: () => TwilioClient = twilioClient,
  now = Date.now(),
): Promise<AuRates> {
  watchSettings(forgetChanged);
  if (cached && cached.expiresAt > now) return cached.value;
  try {
    const prices = await fetchAuPrices(client());
    const value: AuRates = {
      smsSegment: prices.currency === 'USD' ? prices.smsPerSegment : null,
      phoneNumberMonthly:
        prices.currency === 'USD'
          ? (prices.numberMonthly.mobile ?? prices.numberMonthly.local ?? null)
          : null,
      fetchedAt: new Date(now),
    };
    cached = { value, expiresAt: now + ttlMs };
    const seen = JSON.stringify([value.smsSegment, value.phoneNumberMonthly]);
    if (lastSeen !== undefined && lastSeen !== seen) {
      void announceSettingsChanged({ setting: 'rates', clinicId: null });
    }
    lastSeen = seen;
    return value;
  } catch (err) {
    const error = toTwilioError(err);
    log.warn('costs.pricing_unavailable', { code: error.code, kind: error.kind });
    return { smsSegment: null, phoneNumberMonthly: null, fetchedAt: null };
  }
}

export function clearAuRates(): void {
  cached = undefined;
}
