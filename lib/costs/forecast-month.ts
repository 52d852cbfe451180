// The month's spend at this pace: usage so far scaled to the whole month,
// except phone-number rent, which is charged once a month whatever the pace.
// Months are UTC calendar months, as Twilio's usage records and triggers are.
import { computeCosts, roundUsd } from './compute-costs';
import type { Rates } from './default-rates';
import { costServices, type ServiceUsage } from './services';

export interface MonthForecast {
  /** Share of the month gone, 0–1. */
  elapsed: number;
  usage: ServiceUsage;
  total: number;
}

export function utcMonthBounds(at: Date): { start: Date; end: Date } {
  const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  const end = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
  return { start, end };
}

export function forecastMonth(soFar: ServiceUsage, rates: Rates, now: Date): MonthForecast {
  const { start, end } = utcMonthBounds(now);
  // At least an hour, so the first minutes of a month do not multiply by thousands.
  const elapsedMs = Math.max(now.getTime() - start.getTime(), 3_600_000);
  const elapsed = Math.min(1, elapsedMs / (end.getTime() - start.getTime()));
  const usage = Object.fromEntries(
    costServices.map((s) => [s, s === 'numbers' ? soFar[s] : Math.round(soFar[s] / elapsed)]),
  ) as ServiceUsage;
  return { elapsed, usage, total: roundUsd(computeCosts(usage, rates).total) };
}
