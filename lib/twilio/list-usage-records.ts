import 'server-only';

// Twilio's own usage figures (Usage Records API) per category for each
// calendar month from `start` to `end` (inclusive days), as Twilio bills them.
import { twilioClient, type TwilioClient } from './client';
import { toTwilioError } from './errors';

export interface UsageRecord {
  category: string;
  /** First day of the period, YYYY-MM-DD (UTC). */
  startDate: string;
  count: number;
  usage: number;
  price: number;
  priceUnit: string;
}

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export async function listMonthlyUsageRecords(
  range: { start: Date; end: Date; categories?: string[] },
  client: TwilioClient = twilioClient(),
): Promise<UsageRecord[]> {
  try {
    const records = await client.usage.records.monthly.list({
      startDate: range.start,
      endDate: range.end,
      pageSize: 1000,
      limit: 5000,
    });
    return records
      .filter((r) => !range.categories || range.categories.includes(r.category))
      .map((r) => ({
        category: r.category,
        startDate: r.startDate ? day(new Date(r.startDate)) : day(range.start),
        count: Number(r.count),
        usage: Number(r.usage),
        price: Number(r.price),
        priceUnit: (r.priceUnit ?? 'usd').toUpperCase(),
      }));
  } catch (err) {
    throw toTwilioError(err);
  }
}
