import { describe, expect, it } from 'vitest';

import { applyQuietHours, DEFAULT_QUIET_HOURS, isQuietTime } from '@/lib/reminders/scheduling/apply-quiet-hours';
import { formatInTimeZone, zonedTimeToUtc } from '@/lib/time/clinic-time';

const HOUR = 3_600_000;
const quiet = DEFAULT_QUIET_HOURS;

function at(date: string, time: string, timeZone: string): Date {
  const r = zonedTimeToUtc(date, time, timeZone);
  if (!r.ok) throw new Error(`${date} ${time} does not exist in ${timeZone}`);
  return r.date;
}

const local = (d: Date, timeZone: string) => formatInTimeZone(d, timeZone, 'yyyy-MM-dd HH:mm xxx');

// A "now" well before everything tested, so only quiet hours decide.
const longAgo = new Date('2026-01-01T00:00:00Z');

function remind(startsAt: Date, offsetHours: number, timeZone: string, now = longAgo) {
  return applyQuietHours({
    requestedAt: new Date(startsAt.getTime() - offsetHours * HOUR),
    appointmentStartsAt: startsAt,
    timeZone,
    quietHours: quiet,
    now,
  });
}

describe('isQuietTime', () => {
  it('treats 20:00 as quiet and 08:00 as allowed (start inclusive, end exclusive)', () => {
    expect(isQuietTime('19:59', quiet)).toBe(false);
    expect(isQuietTime('20:00', quiet)).toBe(true);
    expect(isQuietTime('23:59', quiet)).toBe(true);
    expect(isQuietTime('00:00', quiet)).toBe(true);
    expect(isQuietTime('07:59', quiet)).toBe(true);
    expect(isQuietTime('08:00', quiet)).toBe(false);
  });

  it('handles a window that does not wrap midnight and an empty window', () => {
    expect(isQuietTime('12:30', { start: '12:00', end: '13:00' })).toBe(true);
    expect(isQuietTime('13:00', { start: '12:00', end: '13:00' })).toBe(false);
    expect(isQuietTime('03:00', { start: '08:00', end: '08:00' })).toBe(false);
  });
});

describe('applyQuietHours basics (Sydney, no daylight-saving change nearby)', () => {
  const tz = 'Australia/Sydney';

  it('leaves a reminder due in allowed hours where it is', () => {
    const start = at('2026-06-10', '15:00', tz);
    const r = remind(start, 2, tz);
    expect(r).toEqual({ ok: true, sendAt: new Date(start.getTime() - 2 * HOUR), moved: false });
  });

  it('brings a reminder due at 6:30 am forward to 7:59 pm the evening before', () => {
    const start = at('2026-06-10', '08:30', tz);
    const r = remind(start, 2, tz);
    expect(r.ok && local(r.sendAt, tz)).toBe('2026-06-09 19:59 +10:00');
    expect(r.ok && r.moved).toBe(true);
  });

  it('brings a reminder due at 10 pm forward to 7:59 pm the same evening', () => {
    const start = at('2026-06-11', '10:00', tz);
    const r = remind(start, 12, tz);
    expect(r.ok && local(r.sendAt, tz)).toBe('2026-06-10 19:59 +10:00');
  });

  it('skips a reminder when the last allowed minute before quiet hours has passed', () => {
    const start = at('2026-06-10', '08:30', tz);
    const r = remind(start, 2, tz, at('2026-06-09', '21:15', tz));
    expect(r).toEqual({ ok: false, reason: 'NO_ALLOWED_TIME' });
  });

  it('sends at once inside the last allowed minute rather than skipping', () => {
    const start = at('2026-06-10', '08:30', tz);
    const now = new Date(at('2026-06-09', '19:59', tz).getTime() + 30_000);
    const r = remind(start, 2, tz, now);
    expect(r).toEqual({ ok: true, sendAt: now, moved: true });
  });

  it('refuses a reminder due at or after the appointment start', () => {
    const start = at('2026-06-10', '08:30', tz);
    expect(remind(start, 0, tz)).toEqual({ ok: false, reason: 'AFTER_APPOINTMENT' });
    expect(remind(start, -1, tz)).toEqual({ ok: false, reason: 'AFTER_APPOINTMENT' });
  });

  it('never moves a reminder later than it was due', () => {
    for (let minute = 0; minute < 24 * 60; minute += 15) {
      const start = new Date(at('2026-06-10', '00:00', tz).getTime() + minute * 60_000 + 26 * HOUR);
      const r = remind(start, 26, tz);
      if (r.ok) expect(r.sendAt.getTime()).toBeLessThanOrEqual(start.getTime() - 26 * HOUR);
    }
  });
});

// Each zone's UTC offset on the Saturday before and the Sunday of each change.
type ZoneCase = { tz: string; label: string; offsets: Record<string, [string, string]> };
const transitions = ['2026-04-05', '2026-10-04', '2027-04-04', '2027-10-03'] as const;
/** Daylight saving ends on the April dates and starts on the October ones. */
const seasonal = (standard: string, daylight: string): ZoneCase['offsets'] => ({
  '2026-04-05': [daylight, standard],
  '2026-10-04': [standard, daylight],
  '2027-04-04': [daylight, standard],
  '2027-10-03': [standard, daylight],
});
const eastern = () => seasonal('+10:00', '+11:00');
const fixed = (o: string): ZoneCase['offsets'] =>
  Object.fromEntries(transitions.map((d) => [d, [o, o] as [string, string]]));

const zones: ZoneCase[] = [
  { tz: 'Australia/Sydney', label: 'Sydney', offsets: eastern() },
  { tz: 'Australia/Melbourne', label: 'Melbourne', offsets: eastern() },
  { tz: 'Australia/Hobart', label: 'Hobart', offsets: eastern() },
  { tz: 'Australia/Brisbane', label: 'Brisbane (no daylight saving)', offsets: fixed('+10:00') },
  {
    tz: 'Australia/Adelaide',
    label: 'Adelaide (half-hour offset, daylight saving)',
    offsets: seasonal('+09:30', '+10:30'),
  },
  {
    tz: 'Australia/Darwin',
    label: 'Darwin (half-hour offset, no daylight saving)',
    offsets: fixed('+09:30'),
  },
  { tz: 'Australia/Perth', label: 'Perth (no daylight saving)', offsets: fixed('+08:00') },
  {
    tz: 'Australia/Lord_Howe',
    label: 'Lord Howe (clocks move by half an hour)',
    offsets: seasonal('+10:30', '+11:00'),
  },
];

function minutesOf(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  const [h, m] = offset.slice(1).split(':').map(Number) as [number, number];
  return sign * (h * 60 + m);
}

function hhmm(totalMinutes: number): string {
  return `${String(Math.floor(totalMinutes / 60)).padStart(2, '0')}:${String(totalMinutes % 60).padStart(2, '0')}`;
}

for (const zone of zones) {
  describe(`${zone.label}: reminders around the 2026 and 2027 daylight-saving changes`, () => {
    for (const sunday of transitions) {
      const [saturdayOffset, sundayOffset] = zone.offsets[sunday]!;
      const saturday = `${sunday.slice(0, 8)}${String(Number(sunday.slice(8)) - 1).padStart(2, '0')}`;
      // Exact durations: 24 hours before 9:00 on the Sunday reads as 9:00 minus the change on Saturday's clock.
      const shift = minutesOf(sundayOffset) - minutesOf(saturdayOffset);
      const expected24h = `${saturday} ${hhmm(9 * 60 - shift)} ${saturdayOffset}`;

      it(`${sunday}: the 24-hour reminder for 9:00 am Sunday is exactly 24 hours earlier (${expected24h})`, () => {
        const start = at(sunday, '09:00', zone.tz);
        expect(local(start, zone.tz)).toBe(`${sunday} 09:00 ${sundayOffset}`);
        const r = remind(start, 24, zone.tz);
        expect(r.ok && r.moved).toBe(false);
        expect(r.ok && local(r.sendAt, zone.tz)).toBe(expected24h);
        expect(r.ok && start.getTime() - r.sendAt.getTime()).toBe(24 * HOUR);
      });

      it(`${sunday}: the 2-hour reminder for 9:30 am Sunday (due 7:30, quiet) moves to 7:59 pm Saturday ${saturdayOffset}`, () => {
        const start = at(sunday, '09:30', zone.tz);
        const r = remind(start, 2, zone.tz);
        expect(r.ok && r.moved).toBe(true);
        expect(r.ok && local(r.sendAt, zone.tz)).toBe(`${saturday} 19:59 ${saturdayOffset}`);
      });

      it(`${sunday}: a reminder due during the changed night itself (3:30 am) moves to 7:59 pm Saturday`, () => {
        const start = at(sunday, '10:00', zone.tz);
        const dueLocal = at(sunday, '03:30', zone.tz);
        const offsetHours = (start.getTime() - dueLocal.getTime()) / HOUR;
        const r = remind(start, offsetHours, zone.tz);
        expect(r.ok && local(r.sendAt, zone.tz)).toBe(`${saturday} 19:59 ${saturdayOffset}`);
      });

      it(`${sunday}: a reminder due at 8:00 am Sunday, the end of quiet hours, stays put`, () => {
        const start = at(sunday, '08:30', zone.tz);
        const r = remind(start, 0.5, zone.tz);
        expect(r.ok && r.moved).toBe(false);
        expect(r.ok && local(r.sendAt, zone.tz)).toBe(`${sunday} 08:00 ${sundayOffset}`);
      });

      it(`${sunday}: with the evening already past, a 7:30 am appointment's 2-hour reminder is skipped`, () => {
        const start = at(sunday, '07:30', zone.tz);
        const r = remind(start, 2, zone.tz, at(saturday, '22:00', zone.tz));
        expect(r).toEqual({ ok: false, reason: 'NO_ALLOWED_TIME' });
      });
    }
  });
}
