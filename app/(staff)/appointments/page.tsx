import type { Metadata } from 'next';
import Link from 'next/link';

import { DayGrid } from '@/components/appointments/day-grid';
import { buttonClasses } from '@/components/ui/button';
import { listAppointmentsForView } from '@/lib/appointments/list-appointments';
import { listClinicians } from '@/lib/appointments/list-clinicians';
import { requirePermission } from '@/lib/auth/guards';
import { roleCan } from '@/lib/auth/permissions';
import {
  appointmentViewSchema,
  clinicianDisplayName,
  type Appointment,
  type ClinicianOption,
} from '@/lib/schemas/appointment';
import { addDays, formatDateString, mondayOf, todayIn } from '@/lib/time/clinic-time';
import { getClinicTimeZone } from '@/lib/time/get-clinic-time-zone';

import { WeekView } from './_components/week-view';

export const metadata: Metadata = { title: 'Appointments' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Day and week views (?view=day|week&date=YYYY-MM-DD&clinician=…) in the
// clinic's timezone. Staff can filter by clinician; a clinician always sees
// only their own appointments (enforced in the query, not here).
export default async function AppointmentsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission('appointments.read');
  const timeZone = await getClinicTimeZone(user.clinicId);
  const query = appointmentViewSchema.parse(await searchParams);
  const today = todayIn(timeZone);
  const view = query.view;
  const date = query.date ?? today;
  const seeAll = roleCan(user.role, 'appointments.readAll');
  const canBook = roleCan(user.role, 'appointments.write');
  // Scoped: a clinician gets only themself (their column in the day grid).
  const clinicians = await listClinicians(user);
  const clinicianId =
    seeAll && clinicians.some((c) => c.id === query.clinician) ? query.clinician : undefined;
  const { appointments, range } = await listAppointmentsForView(user, { view, date, timeZone, clinicianId });

  const href = (next: { view?: 'day' | 'week'; date?: string }) => {
    const params = new URLSearchParams({ view: next.view ?? view, date: next.date ?? date });
    if (clinicianId) params.set('clinician', clinicianId);
    return `/appointments?${params}`;
  };
  const step = view === 'day' ? 1 : 7;
  const unit = view === 'day' ? 'day' : 'week';
  const anchor = view === 'day' ? date : mondayOf(date);
  const lastDay = range.days[range.days.length - 1] ?? date;
  const title =
    view === 'day'
      ? formatDateString(date)
      : `Week of ${formatDateString(range.days[0] ?? date, 'EEEE d MMMM')} to ${formatDateString(lastDay, 'EEEE d MMMM yyyy')}`;
  const isCurrent = view === 'day' ? date === today : range.days.includes(today);
  const clinicianName = clinicianId ? clinicians.find((c) => c.id === clinicianId) : undefined;
  const bookHref = `/appointments/new?${new URLSearchParams({
    date: view === 'day' && date >= today ? date : today,
    ...(clinicianId ? { clinician: clinicianId } : {}),
  })}`;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Appointments</h1>
          <p className="text-slate-700">
            {seeAll
              ? clinicianName
                ? clinicianDisplayName(clinicianName)
                : 'All clinicians'
              : 'Your appointments'}
          </p>
        </div>
        {canBook ? (
          <Link href={bookHref} className={buttonClasses('primary')}>
            Book an appointment
          </Link>
        ) : null}
      </div>

      <div className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4">
        <nav aria-label="View" className="flex gap-2">
          {(['day', 'week'] as const).map((v) => (
            <Link
              key={v}
              href={href({ view: v })}
              aria-current={v === view ? 'page' : undefined}
              className={buttonClasses(v === view ? 'primary' : 'secondary', 'min-w-20')}
            >
              {v === 'day' ? 'Day' : 'Week'}
            </Link>
          ))}
        </nav>

        <form action="/appointments" method="get" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="view" value={view} />
          <div className="flex flex-col gap-1">
            <label htmlFor="filter-date" className="text-sm font-medium text-slate-800">
              Go to date
            </label>
            <input
              id="filter-date"
              name="date"
              type="date"
              defaultValue={date}
              className="min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2 text-base"
            />
          </div>
          {seeAll ? (
            <div className="flex flex-col gap-1">
              <label htmlFor="filter-clinician" className="text-sm font-medium text-slate-800">
                Show clinician
              </label>
              <select
                id="filter-clinician"
                name="clinician"
                defaultValue={clinicianId ?? ''}
                className="min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2 text-base"
              >
                <option value="">All clinicians</option>
                {clinicians.map((c) => (
                  <option key={c.id} value={c.id}>
                    {clinicianDisplayName(c)}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <button type="submit" className={buttonClasses('secondary')}>
            Show
          </button>
        </form>
      </div>

      <section aria-labelledby="range-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="range-heading" className="text-lg font-semibold">
            {title}
            {view === 'day' && date === today ? (
              <span className="font-normal text-slate-600"> (today)</span>
            ) : null}
          </h2>
          <nav aria-label={`Change ${unit}`} className="flex flex-wrap gap-2">
            <Link href={href({ date: addDays(anchor, -step) })} className={buttonClasses('secondary')}>
              <span aria-hidden="true">←</span> Previous {unit}
            </Link>
            {!isCurrent ? (
              <Link href={href({ date: today })} className={buttonClasses('secondary')}>
                {view === 'day' ? 'Today' : 'This week'}
              </Link>
            ) : null}
            <Link href={href({ date: addDays(anchor, step) })} className={buttonClasses('secondary')}>
              Next {unit} <span aria-hidden="true">→</span>
            </Link>
          </nav>
        </div>

        <p role="status" className="text-sm text-slate-700">
          {appointments.length === 0
            ? `No appointments this ${unit}.`
            : `${appointments.length} ${appointments.length === 1 ? 'appointment' : 'appointments'}` +
              (appointments.some((a) => a.status === 'CANCELLED') ? ', including cancelled ones.' : '.')}{' '}
          Times are in the clinic&rsquo;s timezone ({timeZone.replaceAll('_', ' ')}).
        </p>

        {view === 'day' ? (
          <DayGrid
            date={date}
            dateLabel={formatDateString(date)}
            timeZone={timeZone}
            now={new Date()}
            columns={dayColumns(clinicians, appointments, clinicianId)}
            appointments={appointments}
            canBook={canBook}
            bookHref={(clinician, time) =>
              `/appointments/new?${new URLSearchParams({ clinician, date, time })}`
            }
          />
        ) : (
          <WeekView
            days={range.days}
            appointments={appointments}
            timeZone={timeZone}
            today={today}
            showClinician={seeAll && !clinicianId}
            dayHref={(day) => href({ view: 'day', date: day })}
          />
        )}
      </section>
    </div>
  );
}

/** The day grid's columns: the clinicians shown, plus any (since deactivated) with appointments that day. */
function dayColumns(
  clinicians: ClinicianOption[],
  appointments: Appointment[],
  only: string | undefined,
): { id: string; name: string }[] {
  const columns = new Map(
    clinicians.filter((c) => !only || c.id === only).map((c) => [c.id, clinicianDisplayName(c)]),
  );
  for (const a of appointments) {
    if (!columns.has(a.clinician.id) && (!only || a.clinician.id === only)) {
      columns.set(a.clinician.id, clinicianDisplayName(a.clinician));
    }
  }
  return [...columns].map(([id, name]) => ({ id, name }));
}
