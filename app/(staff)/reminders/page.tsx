import type { Metadata } from 'next';
import Link from 'next/link';

import { buttonClasses } from '@/components/ui/button';
import { Section } from '@/components/ui/section';
import { requirePermission } from '@/lib/auth/guards';
import { roleCan } from '@/lib/auth/permissions';
import { listReminders } from '@/lib/reminders/views/list-reminders';
import { listRepliesNeedingAttention } from '@/lib/reminders/replies/list-replies';
import { summariseReminderDays } from '@/lib/reminders/views/summarise-reminder-days';
import { reminderListFiltersSchema } from '@/lib/schemas/reminder';
import { getClinicTimeZone } from '@/lib/time/get-clinic-time-zone';

import { DailySummaryTable } from './_components/daily-summary-table';
import { ReminderFilters } from './_components/reminder-filters';
import { ReminderListTable } from './_components/reminder-list-table';
import { RepliesList } from './_components/replies-list';

export const metadata: Metadata = { title: 'Reminders' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

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

      <Section id="replies" title="Replies needing attention">
        <RepliesList replies={replies} timeZone={timeZone} canWrite={roleCan(user.role, 'reminders.write')} />
      </Section>

      <Section id="list" title="Reminders">
        <ReminderFilters filters={filters} />

        <p role="status" className="text-sm text-slate-700">
          {list.total === 0
            ? 'No reminders match these filters.'
            : `${list.total} ${list.total === 1 ? 'reminder' : 'reminders'}; page ${list.page} of ${pages}.`}
        </p>

        <ReminderListTable rows={list.rows} timeZone={timeZone} />
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
      </Section>

      <Section id="summary" title="Last 14 days">
        <DailySummaryTable days={days} />
      </Section>
    </div>
  );
}
