import Link from 'next/link';

import { buttonClasses } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { REMINDER_STATUSES, reminderStatusLabels, type ReminderListFilters } from '@/lib/schemas/reminder';

/** The list's filters as a plain GET form, so they work before JavaScript loads and stay in the address. */
export function ReminderFilters({ filters }: { filters: ReminderListFilters }) {
  return (
    <search>
      <form action="/reminders" method="get" className="flex flex-wrap items-end gap-3">
        <SelectField id="filter-status" label="Status" name="status" defaultValue={filters.status}>
          <option value="UPCOMING">Upcoming (scheduled or sending)</option>
          <option value="ALL">Any status</option>
          {REMINDER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {reminderStatusLabels[s]}
            </option>
          ))}
        </SelectField>
        <SelectField id="filter-channel" label="Channel" name="channel" defaultValue={filters.channel}>
          <option value="ANY">Any</option>
          <option value="WHATSAPP">WhatsApp</option>
          <option value="SMS">SMS (any)</option>
          <option value="SMS_ONLY">Sent by SMS only</option>
          <option value="FALLBACK">Fell back to SMS</option>
        </SelectField>
        <TextField id="filter-from" label="Due from" name="from" type="date" defaultValue={filters.from} />
        <TextField id="filter-to" label="Due to" name="to" type="date" defaultValue={filters.to} />
        <button type="submit" className={buttonClasses('secondary')}>
          Apply filters
        </button>
        <Link href="/reminders" className={buttonClasses('ghost')}>
          Clear
        </Link>
      </form>
    </search>
  );
}
