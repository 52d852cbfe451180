import Link from 'next/link';

import { gridRows, initials, placeAppointments, type Placement } from '@/lib/appointments/day-grid-layout';
import { kindLabels, statusLabels, type Appointment } from '@/lib/schemas/appointment';
import { patientDisplayName } from '@/lib/schemas/patient';
import { formatTime } from '@/lib/time/clinic-time';

import { GridKeys } from './grid-keys';
import { KindLabel } from './kind-label';
import { StatusBadge } from './status-badge';

type Column = { id: string; name: string };

const ROW_HEIGHT = 'h-7';

/**
 * One clinic day as a time grid: a column per clinician, 15-minute rows from
 * 7:00 to 21:00 in the clinic's zone. Booked appointments are blocks (the
 * patient's initials where a block is one row high); each free slot still to
 * come is a link that opens the booking with clinician, date and time filled
 * in ("Book with Dr Lee at 10:15 am"). A table, so screen readers announce
 * the clinician and the time of each cell; arrow keys move between cells.
 */
export function DayGrid({
  date,
  dateLabel,
  timeZone,
  now,
  columns,
  appointments,
  canBook,
  bookHref,
}: {
  date: string;
  dateLabel: string;
  timeZone: string;
  now: Date;
  columns: Column[];
  appointments: Appointment[];
  canBook: boolean;
  bookHref: (clinicianId: string, time: string) => string;
}) {
  const rows = gridRows(date, timeZone);
  const active = appointments.filter((a) => a.status !== 'CANCELLED');
  const cancelled = appointments.filter((a) => a.status === 'CANCELLED');
  const perColumn = new Map(
    columns.map((c) => [
      c.id,
      placeAppointments(
        active.filter((a) => a.clinician.id === c.id),
        date,
        timeZone,
      ),
    ]),
  );
  const outside = [...perColumn.values()].flatMap((p) => p.outside);
  const blockAt = new Map<string, Placement<Appointment>>();
  const covered = new Set<string>();
  for (const [clinicianId, { blocks }] of perColumn) {
    for (const b of blocks) {
      blockAt.set(`${clinicianId}:${b.row}`, b);
      for (let r = b.row + 1; r < b.row + b.span; r++) covered.add(`${clinicianId}:${r}`);
    }
  }

  return (
    <div className="flex flex-col gap-3">
      {outside.length > 0 ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <p className="font-semibold">Outside the grid&rsquo;s hours (7:00 am to 9:00 pm)</p>
          <ul className="mt-1 flex flex-col gap-1">
            {outside.map((a) => (
              <li key={a.id} className="min-w-0 break-words">
                <AppointmentLink a={a} timeZone={timeZone} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <GridKeys className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full min-w-[36rem] table-fixed border-collapse text-left text-sm">
          <caption className="sr-only">
            Day grid for {dateLabel}: a column per clinician, a row per 15 minutes from 7:00 am to 9:00 pm.
            {canBook ? ' Free slots are links to book. Arrow keys move between cells.' : ''}
          </caption>
          <colgroup>
            <col className="w-20" />
            {columns.map((c) => (
              <col key={c.id} />
            ))}
          </colgroup>
          <thead className="sticky top-0 z-10 bg-slate-100 text-slate-800">
            <tr>
              <th scope="col" className="px-2 py-2 font-semibold">
                Time
              </th>
              {columns.map((c) => (
                <th key={c.id} scope="col" className="truncate px-2 py-2 font-semibold" title={c.name}>
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const onHour = row.time.endsWith(':00');
              return (
                <tr
                  key={row.time}
                  className={onHour ? 'border-t border-slate-300' : 'border-t border-slate-100'}
                >
                  <th
                    scope="row"
                    className={`${ROW_HEIGHT} px-2 align-top text-xs font-normal whitespace-nowrap text-slate-700`}
                  >
                    {onHour ? row.label : <span className="sr-only">{row.label}</span>}
                  </th>
                  {columns.map((c, colIndex) => {
                    const key = `${c.id}:${row.index}`;
                    if (covered.has(key)) return null;
                    const block = blockAt.get(key);
                    const data = { 'data-col': colIndex, 'data-row': row.index };
                    if (block) {
                      return (
                        <td
                          key={c.id}
                          rowSpan={block.span}
                          {...data}
                          data-span={block.span}
                          className="relative border-l border-slate-200 p-0 align-top"
                        >
                          <Block block={block} timeZone={timeZone} />
                        </td>
                      );
                    }
                    const free = canBook && row.startsAt !== null && row.startsAt.getTime() > now.getTime();
                    return (
                      <td
                        key={c.id}
                        {...data}
                        className={`${ROW_HEIGHT} border-l border-slate-200 p-0 ${free ? '' : 'bg-slate-50'}`}
                      >
                        {free ? (
                          <Link
                            href={bookHref(c.id, row.time)}
                            className="group flex h-full w-full items-center px-2 text-xs text-transparent hover:bg-brand-50 hover:text-brand-800 focus-visible:bg-brand-50 focus-visible:text-brand-800"
                          >
                            <span aria-hidden="true">+ {row.label}</span>
                            <span className="sr-only">
                              Book with {c.name} at {row.label}
                            </span>
                          </Link>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </GridKeys>

      {cancelled.length > 0 ? (
        <details className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm">
          <summary className="cursor-pointer font-medium">
            {cancelled.length} cancelled {cancelled.length === 1 ? 'appointment' : 'appointments'} (not on the
            grid)
          </summary>
          <ul className="mt-2 flex flex-col gap-1">
            {cancelled.map((a) => (
              <li key={a.id} className="min-w-0 break-words">
                <AppointmentLink a={a} timeZone={timeZone} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function AppointmentLink({ a, timeZone }: { a: Appointment; timeZone: string }) {
  return (
    <Link href={`/appointments/${a.id}`} className="text-brand-700 underline underline-offset-2">
      {formatTime(a.startsAt, timeZone)}–{formatTime(a.endsAt, timeZone)} {patientDisplayName(a.patient)} (
      {kindLabels[a.kind]}, {statusLabels[a.status].toLowerCase()})
    </Link>
  );
}

function Block({ block, timeZone }: { block: Placement<Appointment>; timeZone: string }) {
  const short = block.span < 2;
  return (
    // Fills its cell (the rows it spans): a table cell's height is not definite, so absolutely
    // placed rather than h-full; no inline style, which the content security policy refuses.
    <div className="absolute inset-0.5 flex min-w-0 flex-col gap-0.5 overflow-hidden">
      {block.items.map((a) => {
        const name = patientDisplayName(a.patient);
        const when = `${formatTime(a.startsAt, timeZone)}–${formatTime(a.endsAt, timeZone)}`;
        return (
          <Link
            key={a.id}
            href={`/appointments/${a.id}`}
            title={`${when} ${name}, ${kindLabels[a.kind]}, ${statusLabels[a.status]}`}
            className={`flex min-h-0 min-w-0 flex-1 flex-col overflow-hidden rounded border-l-4 px-1.5 py-0.5 text-xs ${
              a.kind === 'TELEHEALTH' ? 'border-sky-700 bg-sky-50' : 'border-slate-500 bg-slate-100'
            } text-slate-900 hover:underline`}
          >
            {short ? (
              <span className="flex min-w-0 items-center gap-1 truncate">
                <span className="font-semibold">{formatTime(a.startsAt, timeZone)}</span>
                <span aria-hidden="true">{initials(name)}</span>
                <span className="sr-only">
                  {name}, {kindLabels[a.kind]}, {statusLabels[a.status]}
                </span>
              </span>
            ) : (
              <>
                <span className="truncate font-semibold">{when}</span>
                <span className="truncate">{name}</span>
                {block.span >= 3 && block.items.length === 1 ? (
                  <span className="mt-0.5 flex min-w-0 flex-wrap gap-1">
                    <KindLabel kind={a.kind} />
                    <StatusBadge status={a.status} />
                  </span>
                ) : (
                  <span className="truncate text-slate-700">
                    {kindLabels[a.kind]} · {statusLabels[a.status]}
                  </span>
                )}
              </>
            )}
          </Link>
        );
      })}
    </div>
  );
}
