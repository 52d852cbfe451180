import { formatQuantity, formatRate, formatUsd } from '@/components/costs/format-usd';
import { DataTable } from '@/components/ui/data-table';
import type { ComparisonRow } from '@/lib/costs/compare-with-twilio';
import type { CostReport } from '@/lib/costs/get-cost-report';
import { serviceLabels } from '@/lib/costs/services';

/** This month by service: the portal's figures, Twilio's, and the difference. */
export function MonthComparisonTable({ report }: { report: CostReport }) {
  const current = report.perMonth[report.currentMonth]!;
  const lineOf = (row: ComparisonRow) =>
    row.service === 'total' ? null : current.costs.lines.find((l) => l.service === row.service)!;
  const forecastOf = (row: ComparisonRow) => {
    if (row.service === 'total') return report.forecast.total;
    const line = lineOf(row);
    return line?.rate != null ? report.forecast.usage[row.service] * line.rate : null;
  };
  return (
    <DataTable
      look="plain"
      className="min-w-[48rem]"
      caption="This month by service: the portal’s figures, Twilio’s, and the difference"
      rows={report.comparison}
      rowKey={(row) => row.service}
      rowClassName={(row) => (row.service === 'total' ? 'font-semibold' : '')}
      columns={[
        {
          key: 'service',
          header: 'Service',
          rowHeader: true,
          className: 'font-medium',
          cell: (row) => (row.service === 'total' ? 'Total' : serviceLabels[row.service].name),
        },
        {
          key: 'used',
          header: 'Used (portal)',
          cell: (row) =>
            row.service === 'total'
              ? ''
              : `${formatQuantity(row.portalQuantity)} ${serviceLabels[row.service].unit}`,
        },
        { key: 'rate', header: 'Rate', cell: (row) => (lineOf(row) ? formatRate(lineOf(row)!.rate) : '') },
        { key: 'cost', header: 'Cost (portal)', cell: (row) => formatUsd(row.portalAmount) },
        { key: 'forecast', header: 'Forecast', cell: (row) => formatUsd(forecastOf(row)) },
        {
          key: 'twilio',
          header: 'Twilio’s figure',
          cell: (row) =>
            `${formatUsd(row.twilioAmount)}${
              row.twilioQuantity !== null && row.service !== 'total'
                ? ` (${formatQuantity(row.twilioQuantity)})`
                : ''
            }`,
        },
        { key: 'difference', header: 'Difference', cell: (row) => formatUsd(row.difference) },
      ]}
    />
  );
}
