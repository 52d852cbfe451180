// api.twilio.com 2010-04-01 Usage Records: the whole period (Records.json), by
// month (Monthly.json), this month and last month, per category, filtered by
// Category, StartDate and EndDate (inclusive days, UTC). Figures come from the
// emulator's own traffic and control-API usage (usage.ts), at emulator prices.
import type { EmulatorContext } from '../context';
import { pageV2010 } from '../pagination';
import { apiErrors } from '../twilio-api-error';
import {
  addMonths,
  categoryDescriptions,
  startOfUtcDay,
  startOfUtcMonth,
  usageEvents,
  usageTotals,
  type UsageTotal,
} from '../usage';
import { accountPath, type RegisterResource } from './resource';

const day = 86_400_000;

interface Period {
  start: Date;
  /** Exclusive. */
  end: Date;
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function parseDay(value: string | null, name: string): Date | null {
  if (value === null) return null;
  // Twilio also takes offsets such as "-30days"; the portal sends dates only.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw apiErrors.invalidParameter(`${name} must be YYYY-MM-DD`);
  return new Date(`${value}T00:00:00Z`);
}

function recordJson(
  ctx: EmulatorContext,
  total: UsageTotal,
  period: Period,
  subresource: string,
  now: Date,
): Record<string, unknown> {
  const info = categoryDescriptions[total.category] ?? {
    description: total.category,
    countUnit: '',
    usageUnit: '',
  };
  const base = `${accountPath(ctx)}/Usage/Records`;
  const query = `Category=${total.category}&StartDate=${isoDay(period.start)}&EndDate=${isoDay(new Date(period.end.getTime() - day))}`;
  return {
    account_sid: ctx.state.account.sid,
    api_version: '2010-04-01',
    as_of: now.toISOString().replace(/\.\d{3}Z$/, '+00:00'),
    category: total.category,
    count: String(total.count),
    count_unit: info.countUnit,
    description: info.description,
    end_date: isoDay(new Date(period.end.getTime() - day)),
    price: total.price,
    price_unit: 'usd',
    start_date: isoDay(period.start),
    subresource_uris: {
      all_time: `${base}/AllTime.json?Category=${total.category}`,
      today: `${base}/Today.json?Category=${total.category}`,
      yesterday: `${base}/Yesterday.json?Category=${total.category}`,
      this_month: `${base}/ThisMonth.json?Category=${total.category}`,
      last_month: `${base}/LastMonth.json?Category=${total.category}`,
      daily: `${base}/Daily.json?Category=${total.category}`,
      monthly: `${base}/Monthly.json?Category=${total.category}`,
      yearly: `${base}/Yearly.json?Category=${total.category}`,
    },
    uri: `${base}${subresource}.json?${query}`,
    usage: String(total.usage),
    usage_unit: info.usageUnit,
  };
}

/** One record per category for each period, categories sorted, filtered by Category. */
function records(
  ctx: EmulatorContext,
  periods: Period[],
  category: string | null,
  subresource: string,
): Record<string, unknown>[] {
  const now = new Date();
  const events = usageEvents(ctx, now);
  const out: Record<string, unknown>[] = [];
  for (const period of periods) {
    const totals = [...usageTotals(events, period.start, period.end).values()]
      .filter((t) => category === null || t.category === category)
      .sort((a, b) => a.category.localeCompare(b.category));
    for (const total of totals) out.push(recordJson(ctx, total, period, subresource, now));
  }
  return out;
}

function requestedRange(query: URLSearchParams, fallback: Period): Period {
  const start = parseDay(query.get('StartDate'), 'StartDate') ?? fallback.start;
  const endDay = parseDay(query.get('EndDate'), 'EndDate');
  return { start, end: endDay ? new Date(endDay.getTime() + day) : fallback.end };
}

export const registerUsageRecords: RegisterResource = (router, ctx) => {
  const base = '/2010-04-01/Accounts/{AccountSid}/Usage/Records';

  const list = (subresource: string, periodsFor: (query: URLSearchParams, now: Date) => Period[]): void => {
    router.add({
      product: 'api',
      method: 'get',
      path: `${base}${subresource}.json`,
      handle: ({ query }) => {
        const rows = records(ctx, periodsFor(query, new Date()), query.get('Category'), subresource);
        const body = pageV2010(rows, query, {
          base: `${accountPath(ctx)}/Usage/Records${subresource}.json`,
          key: 'usage_records',
          toJson: (r) => r,
          token: (r) => `${String(r.category)}${String(r.start_date)}`,
        });
        return { status: 200, body };
      },
    });
  };

  const tomorrow = (now: Date): Date => new Date(startOfUtcDay(now).getTime() + day);
  const epoch = new Date(Date.UTC(2008, 0, 1));

  // GET …/Usage/Records.json – one total per category over StartDate..EndDate (default: all time)
  list('', (query, now) => [requestedRange(query, { start: epoch, end: tomorrow(now) })]);

  // GET …/Usage/Records/Monthly.json – one record per category per calendar month in the range
  list('/Monthly', (query, now) => {
    const range = requestedRange(query, { start: startOfUtcMonth(now), end: tomorrow(now) });
    const periods: Period[] = [];
    for (let m = startOfUtcMonth(range.start); m < range.end; m = addMonths(m, 1)) {
      const next = addMonths(m, 1);
      periods.push({ start: m < range.start ? range.start : m, end: next > range.end ? range.end : next });
    }
    return periods;
  });

  // GET …/Usage/Records/ThisMonth.json – this calendar month (UTC) so far
  list('/ThisMonth', (_query, now) => [{ start: startOfUtcMonth(now), end: tomorrow(now) }]);

  // GET …/Usage/Records/LastMonth.json – the previous calendar month
  list('/LastMonth', (_query, now) => [
    { start: addMonths(startOfUtcMonth(now), -1), end: startOfUtcMonth(now) },
  ]);
};
