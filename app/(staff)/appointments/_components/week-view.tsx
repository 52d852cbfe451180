import Link from 'next/link';

import { GridKeys } from '@/components/appointments/grid-keys';
import { clinicianDisplayName, kindLabels, statusLabels, type Appointment } from '@/lib/schemas/appointment';
import { patientDisplayName } from '@/lib/schemas/patient';
import { formatDateString, formatInTimeZone, formatTime, toDateString } from '@/lib/time/clinic-time';

const FIRST_HOUR = 7;
const LAST_HOUR = 20; // the row for 8 pm to 9 pm

type RowKey = 'before' | number | 'after';

/**
 * Monday to Sunday in the clinic's timezone as a grid: a column per day, a
 * row per hour from 7 am to 9 pm (with a row before and after for anything
 * outside those hours). Each appointment is a short entry in the hour it
 * starts: time, the patient's name (cut short, whole in its tooltip and to
 * screen readers), kind and status. A day's heading opens its day grid.
 */
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
  const cells = new Map<string, Appointment[]>();
  for (const a of appointments) {
    const hour = Number(formatInTimeZone(a.startsAt, timeZone, 'H'));
    const row: RowKey = hour < FIRST_HOUR ? 'before' : hour > LAST_HOUR ? 'after' : hour;
    const key = `${toDateString(a.startsAt, timeZone)}:${row}`;
    cells.set(key, [...(cells.get(key) ?? []), a]);
  }
  const hours = Array.from({ length: LAST_HOUR - FIRST_HOUR + 1 }, (_, i) => FIRST_HOUR + i);
  const rows: { key: RowKey; label: string }[] = [
    ...(days.some((d) => cells.has(`${d}:before`)) ? [{ key: 'before' as const, label: 'Before 7 am' }] : []),
    ...hours.map((h) => ({ key: h, label: `${((h + 11) % 12) + 1} ${h < 12 ? 'am' : 'pm'}` })),
    ...(days.some((d) => cells.has(`${d}:after`)) ? [{ key: 'after' as const, label: 'After 9 pm' }] : []),
  ];

  return (
    <GridKeys className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[56rem] table-fixed border-collapse text-left text-sm">
        <caption className="sr-only">
          Week grid: a column per day, a row per hour. Each appointment is listed in the hour it starts.
        </caption>
        <colgroup>
          <col className="w-20" />
          {days.map((d) => (
            <col key={d} />
          ))}
        </colgroup>
        <thead className="bg-slate-100 text-slate-800">
          <tr>
            <th scope="col" className="px-2 py-2 font-semibold">
              Time
            </th>
            {days.map((day, col) => (
              <th
                key={day}
                scope="col"
                data-col={col + 1}
                data-row={0}
                className={`px-2 py-2 font-semibold ${day === today ? 'bg-brand-100' : ''}`}
              >
                <Link href={dayHref(day)} className="text-slate-900 underline-offset-2 hover:underline">
                  {formatDateString(day, 'EEE d MMM')}
                  <span className="sr-only"> ({formatDateString(day, 'EEEE')}, open the day grid)</span>
                </Link>
                {day === today ? (
                  <span className="ml-1 text-xs font-normal text-brand-800">Today</span>
                ) : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            <tr key={row.key} className="border-t border-slate-200">
              <th
                scope="row"
                className="px-2 py-1 align-top text-xs font-normal whitespace-nowrap text-slate-700"
              >
                {row.label}
              </th>
              {days.map((day, col) => {
                const list = cells.get(`${day}:${row.key}`) ?? [];
                return (
                  <td
                    key={day}
                    data-col={col + 1}
                    data-row={rowIndex + 1}
                    className={`h-10 border-l border-slate-200 p-0.5 align-top ${day === today ? 'bg-brand-50' : ''}`}
                  >
                    {list.length > 0 ? (
                      <ul className="flex min-w-0 flex-col gap-0.5">
                        {list.map((a) => (
                          <li key={a.id} className="min-w-0">
                            <Entry a={a} timeZone={timeZone} showClinician={showClinician} />
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </GridKeys>
  );
}

function Entry({ a, timeZone, showClinician }: { a: Appointment; timeZone: string; showClinician: boolean }) {
  const name = patientDisplayName(a.patient);
  const clinician = clinicianDisplayName(a.clinician);
  const cancelled = a.status === 'CANCELLED';
  return (
    <Link
      href={`/appointments/${a.id}`}
      title={`${formatTime(a.startsAt, timeZone)} ${name}${showClinician ? ` with ${clinician}` : ''}, ${kindLabels[a.kind]}, ${statusLabels[a.status]}`}
      className={`flex min-w-0 flex-col rounded border-l-4 px-1 py-0.5 text-xs hover:underline ${
        a.kind === 'TELEHEALTH' ? 'border-sky-700 bg-sky-50' : 'border-slate-500 bg-slate-100'
      } ${cancelled ? 'text-slate-600 line-through' : 'text-slate-900'}`}
    >
      <span className="flex min-w-0 gap-1">
        <span className="shrink-0 font-semibold">{formatTime(a.startsAt, timeZone)}</span>
        <span className="truncate">{name}</span>
      </span>
      <span className="truncate text-slate-700">
        {kindLabels[a.kind]} · {statusLabels[a.status]}
        {showClinician ? <span className="block truncate">{clinician}</span> : null}
      </span>
    </Link>
  );
}
