import Link from 'next/link';

import { KindLabel } from '@/components/appointments/kind-label';
import { StatusBadge } from '@/components/appointments/status-badge';
import { clinicianDisplayName, type Appointment } from '@/lib/schemas/appointment';
import { patientDisplayName } from '@/lib/schemas/patient';
import { formatDateString, formatTime, toDateString } from '@/lib/time/clinic-time';

// Monday to Sunday in the clinic's timezone: seven columns on wide screens,
// one day after another on a phone. Each day is a headed list.
export function WeekView({
  days,
  appointments,
  timeZone,
  today,
  showClinician,
  dayHref,
}: {
  days: string[];
  appointments: Appointment[];
  timeZone: string;
  today: string;
  showClinician: boolean;
  dayHref: (day: string) => string;
}) {
  const byDay = new Map<string, Appointment[]>(days.map((d) => [d, []]));
  for (const a of appointments) byDay.get(toDateString(a.startsAt, timeZone))?.push(a);

  return (
    <ol className="grid gap-3 lg:grid-cols-7" aria-label="Days of the week">
      {days.map((day) => {
        const list = byDay.get(day) ?? [];
        const isToday = day === today;
        return (
          <li
            key={day}
            className={`flex min-w-0 flex-col rounded-lg border bg-white ${isToday ? 'border-brand-600 ring-1 ring-brand-600' : 'border-slate-200'}`}
          >
            <h3 className="border-b border-slate-200 px-3 py-2 text-sm font-semibold">
              <Link href={dayHref(day)} className="text-slate-900 underline-offset-2 hover:underline">
                {formatDateString(day, 'EEE d MMM')}
                <span className="sr-only"> ({formatDateString(day, 'EEEE')}, open day view)</span>
              </Link>
              {isToday ? (
                <span className="ml-2 rounded bg-brand-100 px-1.5 py-0.5 text-xs text-brand-800">Today</span>
              ) : null}
            </h3>
            {list.length === 0 ? (
              <p className="px-3 py-3 text-sm text-slate-500">No appointments</p>
            ) : (
              <ul className="flex flex-col divide-y divide-slate-100">
                {list.map((a) => (
                  <li
                    key={a.id}
                    className={`px-3 py-2 text-sm ${a.status === 'CANCELLED' ? 'text-slate-500' : ''}`}
                  >
                    <Link
                      href={`/appointments/${a.id}`}
                      className="block font-semibold text-brand-700 underline-offset-2 hover:underline"
                    >
                      {formatTime(a.startsAt, timeZone)}
                      <span className="font-normal text-slate-700"> {patientDisplayName(a.patient)}</span>
                    </Link>
                    {showClinician ? (
                      <span className="block text-xs text-slate-600">
                        {clinicianDisplayName(a.clinician)}
                      </span>
                    ) : null}
                    <span className="mt-1 flex flex-wrap gap-1">
                      <KindLabel kind={a.kind} />
                      {a.status !== 'BOOKED' ? <StatusBadge status={a.status} /> : null}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
