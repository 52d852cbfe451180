import Link from 'next/link';

import { ReminderStatusBadge } from '@/components/reminders/reminder-status-badge';
import { DataTable } from '@/components/ui/data-table';
import type { listReminders } from '@/lib/reminders/views/list-reminders';
import { messageChannelLabel, messageStatusLabels, twilioCodeText } from '@/lib/reminders/views/reminder-labels';
import { describeReason } from '@/lib/reminders/status/reminder-reasons';
import { patientDisplayName } from '@/lib/schemas/patient';
import { formatInTimeZone } from '@/lib/time/clinic-time';

type Row = Awaited<ReturnType<typeof listReminders>>['rows'][number];

const when = (d: Date, timeZone: string) => formatInTimeZone(d, timeZone, 'EEE d MMM, h:mm aaa');

/** One page of reminders: when each is due, for whom, its status and what became of its messages. */
export function ReminderListTable({ rows, timeZone }: { rows: Row[]; timeZone: string }) {
  return (
    <DataTable
      caption="Reminders matching the filters"
      rows={rows}
      rowKey={(r) => r.id}
      columns={[
        {
          key: 'due',
          header: 'Due',
          className: 'whitespace-nowrap',
          cell: (r) => (
            <>
              {when(r.dueAt, timeZone)}
              {r.source === 'CHANGE_NOTICE' ? (
                <span className="block text-xs text-slate-600">
                  {r.noticeKind === 'CANCELLED' ? 'cancellation notice' : 'new-time notice'}
                  {r.movedByQuietHours ? ', held for quiet hours' : ''}
                </span>
              ) : r.movedByQuietHours ? (
                <span className="block text-xs text-slate-600">moved for quiet hours</span>
              ) : null}
            </>
          ),
        },
        {
          key: 'patient',
          header: 'Patient and appointment',
          cell: (r) => (
            <>
              <Link
                href={`/appointments/${r.appointment.id}`}
                className="font-semibold text-brand-700 underline-offset-2 hover:underline"
              >
                {patientDisplayName(r.appointment.patient)}
              </Link>
              <span className="block text-xs text-slate-600">
                {when(r.appointment.startsAt, timeZone)} ·{' '}
                {r.appointment.kind === 'TELEHEALTH' ? 'Telehealth' : 'In person'}
              </span>
            </>
          ),
        },
        {
          key: 'status',
          header: 'Status',
          cell: (r) => (
            <>
              <ReminderStatusBadge status={r.status} />
              {r.reason && (r.status === 'SKIPPED' || r.status === 'FAILED') ? (
                <span className="mt-1 block text-xs text-slate-700">{describeReason(r.reason)}</span>
              ) : null}
            </>
          ),
        },
        {
          key: 'messages',
          header: 'Messages',
          className: 'text-xs',
          cell: (r) =>
            r.messages.length === 0
              ? '—'
              : r.messages.map((m) => (
                  <span key={m.channel} className="block">
                    {messageChannelLabel(m)}: {messageStatusLabels[m.status] ?? m.status}
                    {m.errorCode ? ` (${twilioCodeText(m.errorCode)})` : ''}
                  </span>
                )),
        },
      ]}
    />
  );
}
