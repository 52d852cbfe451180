// Prices a period's usage line by line. Pure: the costs page, the alert job
// and the tests call the same function. A service whose rate is unknown (the
// Pricing API could not be reached) is left unpriced rather than guessed.
import { rateFor, type Rates } from './default-rates';
import { costServices, type CostService, type ServiceUsage } from './services';

export interface CostLine {
  service: CostService;
  quantity: number;
  rate: number | null;
  /** USD, or null when the rate is unknown. */
  amount: number | null;
}

export interface CostBreakdown {
  lines: CostLine[];
  /** USD, over the priced lines only. */
  total: number;
  unpriced: CostService[];
}

/** USD to the cent-and-a-bit (4 decimals) that per-message prices need. */
export function roundUsd(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

export function computeCosts(usage: ServiceUsage, rates: Rates): CostBreakdown {
  const lines = costServices.map((service): CostLine => {
    const rate = rates[rateFor[service]];
    const quantity = usage[service];
    return { service, quantity, rate, amount: rate === null ? null : roundUsd(quantity * rate) };
  });
  return {
    lines,
    total: roundUsd(lines.reduce((sum, l) => sum + (l.amount ?? 0), 0)),
    unpriced: lines.filter((l) => l.amount === null && l.quantity > 0).map((l) => l.service),
  };
}
