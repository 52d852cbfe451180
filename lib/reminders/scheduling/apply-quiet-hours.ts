// Quiet hours: no reminder reaches a patient's phone between, by default,
// 8 pm and 8 am on the patient's own clock. A reminder due inside quiet hours
// is brought forward to the last minute before they began; it is never pushed
// later, because later means closer to (or after) the appointment. If that
// minute has already passed, no allowed time is left and the reminder is skipped.
//
// Pure: wall-clock arithmetic goes through @date-fns/tz (lib/time/clinic-time),
// so the tests cover every Australian zone across its daylight-saving changes.
// Quiet hours run from `start` (inclusive) to `end` (exclusive), on local
// minutes; start > end means they wrap past midnight; start = end means none.
import { TZDate } from '@date-fns/tz';

import {
  addDays,
  isValidTimeString,
  toDateString,
  toTimeString,
  zonedTimeToUtc,
} from '@/lib/time/clinic-time';

export interface QuietHours {
  /** "HH:mm", e.g. "20:00". */
  start: string;
  /** "HH:mm", e.g. "08:00". */
  end: string;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { start: '20:00', end: '08:00' };

export type QuietHoursResult =
  | { ok: true; sendAt: Date; moved: boolean }
  | {
      ok: false;
      /**
       * NO_ALLOWED_TIME: due inside quiet hours and the last minute before them has passed.
       * AFTER_APPOINTMENT: due at or after the appointment's start.
       */
      reason: 'NO_ALLOWED_TIME' | 'AFTER_APPOINTMENT';
    };

const MINUTE = 60_000;

function minutesOfDay(time: string): number {
  const [h = '0', m = '0'] = time.split(':');
  return Number(h) * 60 + Number(m);
}

/** Whether a local "HH:mm" falls inside quiet hours. */
export function isQuietTime(localTime: string, quiet: QuietHours): boolean {
  const t = minutesOfDay(localTime);
  const s = minutesOfDay(quiet.start);
  const e = minutesOfDay(quiet.end);
  if (s === e) return false;
  return s < e ? t >= s && t < e : t >= s || t < e;
}

/** A local date and time as an instant; a time skipped by a daylight-saving jump becomes the moment clocks resumed. */
function localInstant(date: string, time: string, timeZone: string): Date {
  const exact = zonedTimeToUtc(date, time, timeZone);
  if (exact.ok) return exact.date;
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(y, mo - 1, d, h, mi, timeZone).getTime());
}

/** The instant the quiet period holding `instant` began (local date of the evening it started). */
function quietPeriodStart(instant: Date, timeZone: string, quiet: QuietHours): Date {
  const localDate = toDateString(instant, timeZone);
  const localTime = toTimeString(instant, timeZone);
  const wraps = minutesOfDay(quiet.start) > minutesOfDay(quiet.end);
  // In the early-morning part of a window that wraps midnight, it began the evening before.
  const startedYesterday = wraps && minutesOfDay(localTime) < minutesOfDay(quiet.end);
  return localInstant(startedYesterday ? addDays(localDate, -1) : localDate, quiet.start, timeZone);
}

/**
 * When the quiet period holding `instant` ends, on the patient's clock: the
 * change notices' rule holds a notice until then (lib/reminders/scheduling/plan-notice-time.ts).
 * Only meaningful for an instant inside quiet hours.
 */
export function quietHoursEnd(instant: Date, timeZone: string, quiet: QuietHours): Date {
  const localDate = toDateString(instant, timeZone);
  const localTime = toTimeString(instant, timeZone);
  const wraps = minutesOfDay(quiet.start) > minutesOfDay(quiet.end);
  // In the evening part of a window that wraps midnight, it ends the next morning.
  const endsTomorrow = wraps && minutesOfDay(localTime) >= minutesOfDay(quiet.start);
  return localInstant(endsTomorrow ? addDays(localDate, 1) : localDate, quiet.end, timeZone);
}

export function applyQuietHours(input: {
  requestedAt: Date;
  appointmentStartsAt: Date;
  /** The patient's IANA timezone. */
  timeZone: string;
  quietHours: QuietHours;
  now: Date;
}): QuietHoursResult {
  const { requestedAt, appointmentStartsAt, timeZone, quietHours, now } = input;
  if (!isValidTimeString(quietHours.start) || !isValidTimeString(quietHours.end)) {
    throw new RangeError('Quiet hours need HH:mm times');
  }
  if (requestedAt.getTime() >= appointmentStartsAt.getTime())
    return { ok: false, reason: 'AFTER_APPOINTMENT' };
  if (!isQuietTime(toTimeString(requestedAt, timeZone), quietHours)) {
    return { ok: true, sendAt: requestedAt, moved: false };
  }
  const quietBegan = quietPeriodStart(requestedAt, timeZone, quietHours);
  // Moving earlier can never pass the appointment; it can pass the present.
  if (quietBegan.getTime() <= now.getTime()) return { ok: false, reason: 'NO_ALLOWED_TIME' };
  const lastAllowed = new Date(quietBegan.getTime() - MINUTE);
  // Within that last minute itself, "now" is still allowed.
  return { ok: true, sendAt: lastAllowed < now ? now : lastAllowed, moved: true };
}
