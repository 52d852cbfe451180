import 'server-only';

// Everything the costs page shows, for this month and the five before it:
// the portal's usage priced at the current rates, the forecast to month end,
// Twilio's own figures beside them, and the go-live guide's estimate redone.
import type { TwilioClient } from '@/lib/twilio/client';
import { twilioClient } from '@/lib/twilio/client';

import { compareWithTwilio, type ComparisonRow, type TwilioFigure } from './compare-with-twilio';
import { computeCosts, type CostBreakdown } from './compute-costs';
import type { EditableRates, Rates } from './default-rates';
import { fetchAuRates } from './fetch-au-rates';
import { fetchTwilioFigures } from './fetch-twilio-figures';
import { forecastMonth, type MonthForecast } from './forecast-month';
import { guideEstimate, guideScenarios, type GuideEstimate } from './guide-estimate';
import { monthBounds, monthKey, recentMonths } from './month-keys';
import { readPortalUsage, type PortalUsage } from './read-portal-usage';
import type { ServiceUsage } from './services';

export const REPORT_MONTHS = 6;

export interface CostReport {
  months: string[];
  currentMonth: string;
  rates: Rates;
  pricingFetchedAt: Date | null;
  perMonth: Record<string, { usage: ServiceUsage; costs: CostBreakdown }>;
  forecast: MonthForecast;
  twilio: Record<string, TwilioFigure[]> | null;
  comparison: ComparisonRow[];
  guide: { low: GuideEstimate; high: GuideEstimate };
  sources: Pick<PortalUsage, 'messageSource' | 'segmentsRecorded' | 'numbers'>;
}

export async function getCostReport(
  editable: EditableRates,
  options: { now?: Date; client?: () => TwilioClient } = {},
): Promise<CostReport> {
  const now = options.now ?? new Date();
  const client = options.client ?? twilioClient;
  const months = recentMonths(now, REPORT_MONTHS);
  const currentMonth = monthKey(now);
  const range = { start: monthBounds(months[0]!).start, end: monthBounds(currentMonth).end };
  const [au, usage, twilio] = await Promise.all([
    fetchAuRates(client),
    readPortalUsage(months, client),
    fetchTwilioFigures(range, client),
  ]);
  const rates: Rates = { ...editable, smsSegment: au.smsSegment, phoneNumberMonthly: au.phoneNumberMonthly };
  const perMonth: CostReport['perMonth'] = {};
  for (const month of months) {
    const u = usage.months[month]!;
    perMonth[month] = { usage: u, costs: computeCosts(u, rates) };
  }
  return {
    months,
    currentMonth,
    rates,
    pricingFetchedAt: au.fetchedAt,
    perMonth,
    forecast: forecastMonth(perMonth[currentMonth]!.usage, rates, now),
    twilio,
    // A month Twilio has no records for cost nothing there (as opposed to Twilio not answering at all).
    comparison: compareWithTwilio(
      perMonth[currentMonth]!.costs,
      twilio ? (twilio[currentMonth] ?? [{ category: 'totalprice', usage: 0, price: 0 }]) : [],
    ),
    guide: { low: guideEstimate(guideScenarios.low, rates), high: guideEstimate(guideScenarios.high, rates) },
    sources: {
      messageSource: usage.messageSource,
      segmentsRecorded: usage.segmentsRecorded,
      numbers: usage.numbers,
    },
  };
}

/** This month's spend so far by the portal's own figures (the billing-alert job's estimate). */
export async function monthToDateEstimate(
  editable: EditableRates,
  options: { now?: Date; client?: () => TwilioClient } = {},
): Promise<{ month: string; total: number; unpriced: string[] }> {
  const now = options.now ?? new Date();
  const client = options.client ?? twilioClient;
  const month = monthKey(now);
  const [au, usage] = await Promise.all([fetchAuRates(client), readPortalUsage([month], client)]);
  const costs = computeCosts(usage.months[month]!, {
    ...editable,
    smsSegment: au.smsSegment,
    phoneNumberMonthly: au.phoneNumberMonthly,
  });
  return { month, total: costs.total, unpriced: costs.unpriced };
}
