// The day grid's geometry: 15-minute rows from 7:00 to 21:00 in the clinic's
// zone, and where each appointment sits (first row, rows spanned) in its
// clinician's column. Pure, so the grid's arithmetic is tested without a page.
import { formatInTimeZone, toDateString, zonedTimeToUtc } from '@/lib/time/clinic-time';

export const GRID_START_MINUTE = 7 * 60;
export const GRID_END_MINUTE = 21 * 60;
export const GRID_STEP = 15;
export const GRID_ROWS = (GRID_END_MINUTE - GRID_START_MINUTE) / GRID_STEP;

export type GridRow = { index: number; time: string; label: string; startsAt: Date | null };

const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** "10:15 am" for a minute of the day, without any zone arithmetic. */
export function minuteLabel(minute: number): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return `${((h + 11) % 12) + 1}:${String(m).padStart(2, '0')} ${h < 12 ? 'am' : 'pm'}`;
}

/** The rows of `date`, each with its instant in `timeZone` (null for a time the clocks skip). */
export function gridRows(date: string, timeZone: string): GridRow[] {
  return Array.from({ length: GRID_ROWS }, (_, index) => {
    const minute = GRID_START_MINUTE + index * GRID_STEP;
    const at = zonedTimeToUtc(date, hhmm(minute), timeZone);
    return { index, time: hhmm(minute), label: minuteLabel(minute), startsAt: at.ok ? at.date : null };
  });
}

function minuteOfDay(date: Date, timeZone: string): number {
  const [h, m] = formatInTimeZone(date, timeZone, 'HH:mm').split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export type Placement<T> = { row: number; span: number; items: T[] };

/**
 * Where one clinician's appointments sit on `date`: a block per first row,
 * spanning the rows it covers (rounded out to whole rows). An appointment
 * that starts inside an earlier block joins that block rather than overlap
 * it. Those that start or end outside the grid's hours go to `outside`.
 */
export function placeAppointments<T extends { startsAt: Date; endsAt: Date }>(
  appointments: T[],
  date: string,
  timeZone: string,
): { blocks: Placement<T>[]; outside: T[] } {
  const blocks: Placement<T>[] = [];
  const outside: T[] = [];
  const sorted = [...appointments].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (const a of sorted) {
    if (toDateString(a.startsAt, timeZone) !== date) {
      outside.push(a);
      continue;
    }
    const start = minuteOfDay(a.startsAt, timeZone);
    const endSameDay = toDateString(a.endsAt, timeZone) === date;
    const end = endSameDay ? minuteOfDay(a.endsAt, timeZone) : 24 * 60;
    if (start < GRID_START_MINUTE || start >= GRID_END_MINUTE) {
      outside.push(a);
      continue;
    }
    const row = Math.floor((start - GRID_START_MINUTE) / GRID_STEP);
    const lastRow = Math.min(
      GRID_ROWS,
      Math.ceil((Math.max(end, start + 1) - GRID_START_MINUTE) / GRID_STEP),
    );
    const previous = blocks[blocks.length - 1];
    if (previous && row < previous.row + previous.span) {
      previous.items.push(a);
      previous.span = Math.max(previous.span, lastRow - previous.row);
      continue;
    }
    blocks.push({ row, span: Math.max(1, lastRow - row), items: [a] });
  }
  return { blocks, outside };
}

/** "Olivia Marchetti" → "OM": what a block too short for the name shows. */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter(Boolean)
    .slice(0, 3)
    .map((part) => part[0]!.toLocaleUpperCase('en-AU'))
    .join('');
}
