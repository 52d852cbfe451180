import { DataTable, type DataColumn } from '@/components/ui/data-table';
import type { ReminderDaySummary as Day } from '@/lib/reminders/views/summarise-reminder-days';
import { formatDateString } from '@/lib/time/clinic-time';

const counts: [Exclude<keyof Day, 'day'>, string][] = [
  ['sentWhatsapp', 'Sent (WhatsApp)'],
  ['sentSms', 'Sent (SMS)'],
  ['delivered', 'Delivered'],
  ['failed', 'Failed'],
  ['fallbacks', 'Fell back to SMS'],
];

const columns: DataColumn<Day>[] = [
  {
    key: 'day',
    header: 'Day',
    rowHeader: true,
    className: 'whitespace-nowrap font-normal',
    cell: (d) => formatDateString(d.day, 'EEE d MMM'),
  },
  ...counts.map(([key, header]): DataColumn<Day> => ({
    key,
    header,
    headerClassName: 'text-right',
    className: 'text-right tabular-nums',
    cell: (d) => d[key],
  })),
];

/** Messages per day over the last 14 days. */
export function DailySummaryTable({ days }: { days: Day[] }) {
  return (
    <DataTable
      caption="Messages per day: sent, delivered, failed and fell back to SMS"
      rows={days}
      rowKey={(d) => d.day}
      columns={columns}
      dense
      testId="daily-summary"
    />
  );
}
