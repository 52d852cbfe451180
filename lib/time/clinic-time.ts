// Clinic wall-clock time <-> UTC instants. Times are entered and shown in the
// clinic's timezone (Clinic.timezone) and stored in UTC. Pure functions on
// @date-fns/tz, so DST boundaries are tested without a database.
//
// Date strings are "YYYY-MM-DD" and times "HH:mm" (what <input type="date">
// and <input type="time"> send); a datetime-local value is "YYYY-MM-DDTHH:mm".
import { TZDate, tzOffset } from '@date-fns/tz';
import { format } from 'date-fns';

export const DEFAULT_CLINIC_TIME_ZONE = 'Australia/Sydney';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATETIME_LOCAL_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::00(?:\.0+)?)?$/;

type YMD = { year: number; month: number; day: number };

function splitDate(value: string): YMD | null {
  const m = DATE_RE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  // Day must exist in that month (no 31 April, 29 February only in leap years).
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > lastDay) return null;
  return { year, month, day };
}

function splitTime(value: string): { hours: number; minutes: number } | null {
  const m = TIME_RE.exec(value);
  if (!m) return null;
  return { hours: Number(m[1]), minutes: Number(m[2]) };
}

export function isValidDateString(value: string): boolean {
  return splitDate(value) !== null;
}

export function isValidTimeString(value: string): boolean {
  return splitTime(value) !== null;
}

/** True for any zone the runtime knows (IANA names such as "Australia/Perth" or "Europe/London"). */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone || timeZone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-AU', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export type ZonedToUtcResult =
  | { ok: true; date: Date }
  /** INVALID: not a real date or time. NONEXISTENT: skipped when clocks went forward. */
  | { ok: false; reason: 'INVALID' | 'NONEXISTENT' };

/**
 * A wall-clock date and time in `timeZone` → the UTC instant.
 * A time that does not exist (the hour skipped when daylight saving starts)
 * is refused rather than silently moved. A time that happens twice (the hour
 * repeated when daylight saving ends) resolves to the first occurrence,
 * still on daylight time, which is what a person booking "2:30" that
 * morning most likely means.
 */
export function zonedTimeToUtc(date: string, time: string, timeZone: string): ZonedToUtcResult {
  const d = splitDate(date);
  const t = splitTime(time);
  if (!d || !t || !isValidTimeZone(timeZone)) return { ok: false, reason: 'INVALID' };

  // Candidate offsets: the zone's offset a day either side covers both sides of any transition.
  const naiveUtc = Date.UTC(d.year, d.month - 1, d.day, t.hours, t.minutes);
  const offsets = new Set<number>([
    tzOffset(timeZone, new Date(naiveUtc - 36 * 3600_000)),
    tzOffset(timeZone, new Date(naiveUtc)),
    tzOffset(timeZone, new Date(naiveUtc + 36 * 3600_000)),
  ]);
  const matches = [...offsets]
    .map((offsetMinutes) => new Date(naiveUtc - offsetMinutes * 60_000))
    .filter((instant) => tzOffset(timeZone, instant) * 60_000 === naiveUtc - instant.getTime())
    .sort((a, b) => a.getTime() - b.getTime());

  const first = matches[0];
  if (!first) return { ok: false, reason: 'NONEXISTENT' };
  return { ok: true, date: first };
}

/** A datetime-local value ("2026-04-05T09:30") in `timeZone` → UTC. */
export function parseDateTimeLocal(value: string, timeZone: string): ZonedToUtcResult {
  const m = DATETIME_LOCAL_RE.exec(value.trim());
  if (!m) return { ok: false, reason: 'INVALID' };
  return zonedTimeToUtc(m[1]!, m[2]!, timeZone);
}

/** Format an instant as seen on a clock in `timeZone` (date-fns pattern). */
export function formatInTimeZone(date: Date, timeZone: string, pattern: string): string {
  return format(new TZDate(date.getTime(), timeZone), pattern);
}

/** "YYYY-MM-DD" of the instant in `timeZone`. */
export function toDateString(date: Date, timeZone: string): string {
  return formatInTimeZone(date, timeZone, 'yyyy-MM-dd');
}

/** "HH:mm" (24-hour) of the instant in `timeZone`, as <input type="time"> wants it. */
export function toTimeString(date: Date, timeZone: string): string {
  return formatInTimeZone(date, timeZone, 'HH:mm');
}

/** "9:30 am" */
export function formatTime(date: Date, timeZone: string): string {
  return formatInTimeZone(date, timeZone, 'h:mm aaa');
}

/** "Sunday 5 April 2026" */
export function formatLongDate(date: Date, timeZone: string): string {
  return formatInTimeZone(date, timeZone, 'EEEE d MMMM yyyy');
}

/** "Sun 5 Apr" */
export function formatShortDate(date: Date, timeZone: string): string {
  return formatInTimeZone(date, timeZone, 'EEE d MMM');
}

/** A date string shown in words, without any timezone arithmetic: "Sunday 5 April 2026". */
export function formatDateString(value: string, pattern = 'EEEE d MMMM yyyy'): string {
  const d = splitDate(value);
  if (!d) return value;
  return format(new Date(d.year, d.month - 1, d.day), pattern);
}

/** Today's date in `timeZone`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return toDateString(now, timeZone);
}

/** Calendar arithmetic on "YYYY-MM-DD" strings (no timezone involved). */
export function addDays(value: string, days: number): string {
  const d = splitDate(value);
  if (!d) throw new RangeError('addDays needs a YYYY-MM-DD date');
  const next = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return next.toISOString().slice(0, 10);
}

/** Monday of the week holding `value` (weeks run Monday to Sunday). */
export function mondayOf(value: string): string {
  const d = splitDate(value);
  if (!d) throw new RangeError('mondayOf needs a YYYY-MM-DD date');
  const weekday = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay(); // 0 = Sunday
  return addDays(value, -((weekday + 6) % 7));
}

/** The instant a calendar day starts in `timeZone`. */
export function startOfDayIn(value: string, timeZone: string): Date {
  const result = zonedTimeToUtc(value, '00:00', timeZone);
  if (result.ok) return result.date;
  // Zones where midnight itself is skipped: the day starts when clocks resume.
  const d = splitDate(value);
  if (!d) throw new RangeError('startOfDayIn needs a YYYY-MM-DD date');
  return new Date(new TZDate(d.year, d.month - 1, d.day, 0, 0, timeZone).getTime());
}

export type Range = { start: Date; end: Date };

/** [start, end) of one calendar day in `timeZone`: 23 or 25 hours long on DST change days. */
export function dayBounds(value: string, timeZone: string): Range {
  return { start: startOfDayIn(value, timeZone), end: startOfDayIn(addDays(value, 1), timeZone) };
}

/** [Monday 00:00, next Monday 00:00) around `value` in `timeZone`, plus the seven dates. */
export function weekBounds(value: string, timeZone: string): Range & { days: string[] } {
  const monday = mondayOf(value);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  return { start: startOfDayIn(monday, timeZone), end: startOfDayIn(addDays(monday, 7), timeZone), days };
}

/** Whole minutes between two instants. */
export function minutesBetween(start: Date, end: Date): number {
  return Math.round((end.getTime() - start.getTime()) / 60_000);
}
