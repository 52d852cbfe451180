import type { Metadata } from 'next';
import Link from 'next/link';

import { markReplyHandledAction } from '@/components/reminders/actions';
import { ReminderButtonForm } from '@/components/reminders/reminder-forms';
import { ReminderStatusBadge } from '@/components/reminders/reminder-status-badge';
import { buttonClasses } from '@/components/ui/button';
import { requirePermission } from '@/lib/auth/guards';
import { roleCan } from '@/lib/auth/permissions';
import { listReminders } from '@/lib/reminders/list-reminders';
import { listRepliesNeedingAttention } from '@/lib/reminders/list-replies';
import {
  channelName,
  messageChannelLabel,
  messageStatusLabels,
  twilioCodeText,
} from '@/lib/reminders/reminder-labels';
import { describeReason } from '@/lib/reminders/reminder-reasons';
import { summariseReminderDays } from '@/lib/reminders/summarise-reminder-days';
import { patientDisplayName } from '@/lib/schemas/patient';
import { REMINDER_STATUSES, reminderListFiltersSchema, reminderStatusLabels } from '@/lib/schemas/reminder';
import { formatDateString, formatInTimeZone } from '@/lib/time/clinic-time';
import { getClinicTimeZone } from '@/lib/time/get-clinic-time-zone';

export const metadata: Metadata = { title: 'Reminders' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const replyIntentLabels: Record<string, string> = {
  CONFIRM: 'Confirmation we could not match',
  RESCHEDULE: 'Asked to reschedule',
  OPT_OUT: 'Opted out (they may also mean the appointment)',
  OPT_IN: 'Opted back in',
  HELP: 'Asked for help',
  UNKNOWN: 'Message for staff',
};

const selectClass = 'min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2 text-base';

// Every upcoming reminder in one list with filters, the last 14 days' totals,
// and the replies that need someone to act on them.
export default async function RemindersPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission('reminders.read');
  const filters = reminderListFiltersSchema.parse(await searchParams);
  const timeZone = await getClinicTimeZone(user.clinicId);
  const [list, days, replies] = await Promise.all([
    listReminders(user, filters, timeZone),
    summariseReminderDays(user, timeZone),
    listRepliesNeedingAttention(user),
  ]);
  const canWrite = roleCan(user.role, 'reminders.write');
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const query = (page: number) =>
    `/reminders?${new URLSearchParams({
      status: filters.status,
      channel: filters.channel,
      ...(filters.from ? { from: filters.from } : {}),
      ...(filters.to ? { to: filters.to } : {}),
      page: String(page),
    })}`;

  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-2xl font-bold">Reminders</h1>
        <p className="text-slate-700">
          Times are in the clinic&rsquo;s timezone ({timeZone.replaceAll('_', ' ')}).
        </p>
      </div>

      <section aria-labelledby="replies-heading" className="flex flex-col gap-3">
        <h2 id="replies-heading" className="text-lg font-semibold">
          Replies needing attention
        </h2>
        {replies.length === 0 ? (
          <p className="text-sm text-slate-700" role="status">
            No replies are waiting.
          </p>
        ) : (
          <ul className="flex flex-col gap-3" data-testid="replies">
            {replies.map((r) => (
              <li
                key={r.id}
                className="flex flex-col gap-2 rounded-lg border border-amber-300 bg-amber-50 p-3"
              >
                <p className="text-sm font-semibold text-amber-950">
                  {replyIntentLabels[r.intent] ?? r.intent} · {channelName[r.channel]} ·{' '}
                  {formatInTimeZone(r.receivedAt, timeZone, 'EEE d MMM, h:mm aaa')}
                </p>
                <p className="text-sm">
                  From{' '}
                  {r.patient ? (
                    <Link
                      href={`/patients/${r.patient.id}`}
                      className="font-medium text-brand-700 underline underline-offset-2"
                    >
                      {patientDisplayName(r.patient)}
                    </Link>
                  ) : (
                    'a number not on file'
                  )}
                  {r.appointmentId ? (
                    <>
                      {' '}
                      about{' '}
                      <Link
                        href={`/appointments/${r.appointmentId}`}
                        className="text-brand-700 underline underline-offset-2"
                      >
                        this appointment
                      </Link>
                    </>
                  ) : null}
                </p>
                <blockquote className="whitespace-pre-wrap rounded border-l-4 border-amber-400 bg-white px-3 py-2 text-sm">
                  {r.body}
                </blockquote>
                {canWrite ? (
                  <ReminderButtonForm action={markReplyHandledAction.bind(null, r.id)} pendingLabel="Saving…">
                    Mark as dealt with
                  </ReminderButtonForm>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="list-heading" className="flex flex-col gap-3">
        <h2 id="list-heading" className="text-lg font-semibold">
          Reminders
        </h2>
        <search>
          <form action="/reminders" method="get" className="flex flex-wrap items-end gap-3">
            <div className="flex flex-col gap-1">
              <label htmlFor="filter-status" className="text-sm font-medium text-slate-800">
                Status
              </label>
              <select id="filter-status" name="status" defaultValue={filters.status} className={selectClass}>
                <option value="UPCOMING">Upcoming (scheduled or sending)</option>
                <option value="ALL">Any status</option>
                {REMINDER_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {reminderStatusLabels[s]}
                  </option>
                ))}
              </select>
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="filter-channel" className="text-sm font-medium text-slate-800">
                Channel
              </label>
              <select
                id="filter-channel"
                name="channel"
                defaultValue={filters.channel}
                className={selectClass}
              >
                <option value="ANY">Any</option>
                <option value="WHATSAPP">WhatsApp</option>
                <option value="SMS">SMS (any)</option>
                <option value="SMS_ONLY">Sent by SMS only</option>
                <option value="FALLBACK">Fell back to SMS</option>
              </select>
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="filter-from" className="text-sm font-medium text-slate-800">
                Due from
              </label>
              <input
                id="filter-from"
                name="from"
                type="date"
                defaultValue={filters.from}
                className={selectClass}
              />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="filter-to" className="text-sm font-medium text-slate-800">
                Due to
              </label>
              <input id="filter-to" name="to" type="date" defaultValue={filters.to} className={selectClass} />
            </div>
            <button type="submit" className={buttonClasses('secondary')}>
              Apply filters
            </button>
            <Link href="/reminders" className={buttonClasses('ghost')}>
              Clear
            </Link>
          </form>
        </search>

        <p role="status" className="text-sm text-slate-700">
          {list.total === 0
            ? 'No reminders match these filters.'
            : `${list.total} ${list.total === 1 ? 'reminder' : 'reminders'}; page ${list.page} of ${pages}.`}
        </p>

        {list.rows.length > 0 ? (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Reminders matching the filters</caption>
              <thead className="bg-slate-100 text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Due
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Patient and appointment
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Status
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Messages
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {list.rows.map((r) => (
                  <tr key={r.id}>
                    <td className="whitespace-nowrap px-3 py-3">
                      {formatInTimeZone(r.dueAt, timeZone, 'EEE d MMM, h:mm aaa')}
                      {r.source === 'CHANGE_NOTICE' ? (
                        <span className="block text-xs text-slate-600">
                          {r.noticeKind === 'CANCELLED' ? 'cancellation notice' : 'new-time notice'}
                          {r.movedByQuietHours ? ', held for quiet hours' : ''}
                        </span>
                      ) : r.movedByQuietHours ? (
                        <span className="block text-xs text-slate-600">moved for quiet hours</span>
                      ) : null}
                    </td>
                    <td className="px-3 py-3">
                      <Link
                        href={`/appointments/${r.appointment.id}`}
                        className="font-semibold text-brand-700 underline-offset-2 hover:underline"
                      >
                        {patientDisplayName(r.appointment.patient)}
                      </Link>
                      <span className="block text-xs text-slate-600">
                        {formatInTimeZone(r.appointment.startsAt, timeZone, 'EEE d MMM, h:mm aaa')} ·{' '}
                        {r.appointment.kind === 'TELEHEALTH' ? 'Telehealth' : 'In person'}
                      </span>
                    </td>
                    <td className="px-3 py-3">
                      <ReminderStatusBadge status={r.status} />
                      {r.reason && (r.status === 'SKIPPED' || r.status === 'FAILED') ? (
                        <span className="mt-1 block text-xs text-slate-700">{describeReason(r.reason)}</span>
                      ) : null}
                    </td>
                    <td className="px-3 py-3 text-xs">
                      {r.messages.length === 0
                        ? '—'
                        : r.messages.map((m) => (
                            <span key={m.channel} className="block">
                              {messageChannelLabel(m)}: {messageStatusLabels[m.status] ?? m.status}
                              {m.errorCode ? ` (${twilioCodeText(m.errorCode)})` : ''}
                            </span>
                          ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {pages > 1 ? (
          <nav aria-label="Pages" className="flex gap-3 text-sm">
            {list.page > 1 ? (
              <Link href={query(list.page - 1)} className={buttonClasses('secondary')}>
                Previous page
              </Link>
            ) : null}
            {list.page < pages ? (
              <Link href={query(list.page + 1)} className={buttonClasses('secondary')}>
                Next page
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>

      <section aria-labelledby="summary-heading" className="flex flex-col gap-3">
        <h2 id="summary-heading" className="text-lg font-semibold">
          Last 14 days
        </h2>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm" data-testid="daily-summary">
            <caption className="sr-only">
              Messages per day: sent, delivered, failed and fell back to SMS
            </caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Day
                </th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">
                  Sent (WhatsApp)
                </th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">
                  Sent (SMS)
                </th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">
                  Delivered
                </th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">
                  Failed
                </th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">
                  Fell back to SMS
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {days.map((d) => (
                <tr key={d.day}>
                  <th scope="row" className="whitespace-nowrap px-3 py-2 font-normal">
                    {formatDateString(d.day, 'EEE d MMM')}
                  </th>
                  <td className="px-3 py-2 text-right tabular-nums">{d.sentWhatsapp}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{d.sentSms}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{d.delivered}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{d.failed}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{d.fallbacks}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
