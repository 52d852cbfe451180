import 'server-only';

// Twilio's own usage and price per category and month (Usage Records), for the
// comparison beside the portal's figures. null when Twilio could not be asked:
// the page then shows the portal's figures alone and says why.
import { log } from '@/lib/log/logger';
import type { TwilioClient } from '@/lib/twilio/client';
import { twilioClient } from '@/lib/twilio/client';
import { toTwilioError } from '@/lib/twilio/errors';
import { listMonthlyUsageRecords } from '@/lib/twilio/list-usage-records';

import type { TwilioFigure } from './compare-with-twilio';
import { costServices } from './services';
import { TOTAL_PRICE_CATEGORY, usageCategoryFor } from './usage-categories';

const categories = [...costServices.map((s) => usageCategoryFor[s]), TOTAL_PRICE_CATEGORY];

export async function fetchTwilioFigures(
  range: { start: Date; end: Date },
  client: () => TwilioClient = twilioClient,
): Promise<Record<string, TwilioFigure[]> | null> {
  try {
    // EndDate is inclusive: the day before the exclusive end.
    const records = await listMonthlyUsageRecords(
      { start: range.start, end: new Date(range.end.getTime() - 86_400_000), categories },
      client(),
    );
    const byMonth: Record<string, TwilioFigure[]> = {};
    for (const r of records) {
      (byMonth[r.startDate.slice(0, 7)] ??= []).push({
        category: r.category,
        usage: r.usage,
        price: r.price,
      });
    }
    return byMonth;
  } catch (err) {
    const error = toTwilioError(err);
    log.warn('costs.twilio_usage_unavailable', { code: error.code, kind: error.kind });
    return null;
  }
}
