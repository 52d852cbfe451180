import { formatUsd } from '@/components/costs/format-usd';
import { DataTable } from '@/components/ui/data-table';
import type { CostReport } from '@/lib/costs/get-cost-report';

/** The go-live guide's monthly estimate beside the one recomputed with Twilio's pricing model. */
export function GuideEstimateTable({ guide }: { guide: CostReport['guide'] }) {
  return (
    <DataTable
      look="plain"
      className="max-w-2xl"
      caption="The guide’s monthly estimate beside the recomputed one"
      rows={[guide.low, guide.high]}
      rowKey={(g) => (g === guide.low ? 'low' : 'high')}
      columns={[
        {
          key: 'scenario',
          header: 'Scenario',
          rowHeader: true,
          className: 'font-medium',
          cell: (g) =>
            `${g.scenario.sessions} sessions, ${g.scenario.whatsapp} WhatsApp, ${g.scenario.sms} SMS`,
        },
        { key: 'guide', header: 'The guide’s way', cell: (g) => formatUsd(g.guide.total) },
        { key: 'real', header: 'Twilio’s pricing model', cell: (g) => formatUsd(g.real.total) },
      ]}
    />
  );
}
