// The portal's own figures beside Twilio's for the same month, per service and
// in total, with the difference. Pure. A large difference usually means usage
// the portal does not record (someone using the account for something else)
// or a rate that needs updating.
import { roundUsd, type CostBreakdown } from './compute-costs';
import { costServices, type CostService } from './services';
import { TOTAL_PRICE_CATEGORY, usageCategoryFor } from './usage-categories';

export interface TwilioFigure {
  category: string;
  usage: number;
  price: number;
}

export interface ComparisonRow {
  service: CostService | 'total';
  portalQuantity: number | null;
  portalAmount: number | null;
  twilioQuantity: number | null;
  twilioAmount: number | null;
  /** Twilio minus portal, USD; null when either side is missing. */
  difference: number | null;
}

export function compareWithTwilio(portal: CostBreakdown, twilio: TwilioFigure[]): ComparisonRow[] {
  const byCategory = new Map(twilio.map((t) => [t.category, t]));
  const rows: ComparisonRow[] = costServices.map((service) => {
    const line = portal.lines.find((l) => l.service === service);
    const figure = byCategory.get(usageCategoryFor[service]);
    const portalAmount = line?.amount ?? null;
    const twilioAmount = figure ? figure.price : twilio.length > 0 ? 0 : null;
    return {
      service,
      portalQuantity: line?.quantity ?? null,
      portalAmount,
      twilioQuantity: figure ? figure.usage : twilio.length > 0 ? 0 : null,
      twilioAmount,
      difference:
        portalAmount === null || twilioAmount === null ? null : roundUsd(twilioAmount - portalAmount),
    };
  });
  const total = byCategory.get(TOTAL_PRICE_CATEGORY);
  rows.push({
    service: 'total',
    portalQuantity: null,
    portalAmount: portal.total,
    twilioQuantity: null,
    twilioAmount: total ? total.price : null,
    difference: total ? roundUsd(total.price - portal.total) : null,
  });
  return rows;
}
