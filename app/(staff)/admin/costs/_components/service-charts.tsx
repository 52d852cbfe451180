import { ServiceChart, type ChartPoint } from '@/components/costs/service-chart';
import type { CostReport } from '@/lib/costs/get-cost-report';
import { costServices, serviceLabels, type CostService } from '@/lib/costs/services';

/** A service's (or the total's) months as chart points, this month with its forecast. */
function chartPoints(report: CostReport, service: CostService | 'total'): ChartPoint[] {
  return report.months.map((month) => {
    const m = report.perMonth[month]!;
    const isCurrent = month === report.currentMonth;
    if (service === 'total') {
      return {
        month,
        quantity: 0,
        amount: m.costs.total,
        forecast: isCurrent ? report.forecast.total : undefined,
      };
    }
    const line = m.costs.lines.find((l) => l.service === service)!;
    const rate = line.rate;
    return {
      month,
      quantity: line.quantity,
      amount: line.amount,
      forecast: isCurrent && rate !== null ? report.forecast.usage[service] * rate : undefined,
    };
  });
}

/** One chart for all services together, then one per service. */
export function ServiceCharts({ report }: { report: CostReport }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <ServiceChart id="chart-total" title="All services" unit="USD" points={chartPoints(report, 'total')} />
      {costServices.map((s) => (
        <ServiceChart
          key={s}
          id={`chart-${s}`}
          title={serviceLabels[s].name}
          unit={serviceLabels[s].unit}
          points={chartPoints(report, s)}
        />
      ))}
    </div>
  );
}
