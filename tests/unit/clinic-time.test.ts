import { describe, expect, it } from 'vitest';

import {
  addDays,
  dayBounds,
  formatTime,
  isValidDateString,
  isValidTimeZone,
  mondayOf,
  parseDateTimeLocal,
  toDateString,
  toTimeString,
  weekBounds,
  zonedTimeToUtc,
} from '@/lib/time/clinic-time';

const SYD = 'Australia/Sydney';
const iso = (r: ReturnType<typeof zonedTimeToUtc>) => (r.ok ? r.date.toISOString() : r.reason);
const hours = (r: { start: Date; end: Date }) => (r.end.getTime() - r.start.getTime()) / 3_600_000;

/** A day's or week's bounds in UTC, and its length in hours. */
function expectSpan(r: { start: Date; end: Date }, start: string, end: string, length: number): void {
  expect(r.start.toISOString()).toBe(start);
  expect(r.end.toISOString()).toBe(end);
  expect(hours(r)).toBe(length);
}

describe('Sydney, daylight saving ends on Sunday 5 April 2026 (3:00 am AEDT becomes 2:00 am AEST)', () => {
  it('reads 1:30 am as daylight time (UTC+11)', () => {
    expect(iso(zonedTimeToUtc('2026-04-05', '01:30', SYD))).toBe('2026-04-04T14:30:00.000Z');
  });

  it('reads the repeated 2:30 am as its first occurrence, still on daylight time', () => {
    expect(iso(zonedTimeToUtc('2026-04-05', '02:30', SYD))).toBe('2026-04-04T15:30:00.000Z');
  });

  it('reads 3:00 am and later as standard time (UTC+10)', () => {
    expect(iso(zonedTimeToUtc('2026-04-05', '03:00', SYD))).toBe('2026-04-04T17:00:00.000Z');
    expect(iso(zonedTimeToUtc('2026-04-05', '09:00', SYD))).toBe('2026-04-04T23:00:00.000Z');
  });

  it('makes the day 25 hours long', () => {
    expectSpan(dayBounds('2026-04-05', SYD), '2026-04-04T13:00:00.000Z', '2026-04-05T14:00:00.000Z', 25);
  });

  it('shows 9:00 am on either side of the change as 9:00 am', () => {
    expect(formatTime(new Date('2026-04-03T22:00:00Z'), SYD)).toBe('9:00 am');
    expect(formatTime(new Date('2026-04-05T23:00:00Z'), SYD)).toBe('9:00 am');
  });
});

describe('Sydney, daylight saving starts on Sunday 4 October 2026 (2:00 am AEST becomes 3:00 am AEDT)', () => {
  it('reads 1:59 am as standard time (UTC+10)', () => {
    expect(iso(zonedTimeToUtc('2026-10-04', '01:59', SYD))).toBe('2026-10-03T15:59:00.000Z');
  });

  it('refuses 2:30 am, which does not exist that day, rather than moving it', () => {
    expect(zonedTimeToUtc('2026-10-04', '02:00', SYD)).toEqual({ ok: false, reason: 'NONEXISTENT' });
    expect(zonedTimeToUtc('2026-10-04', '02:30', SYD)).toEqual({ ok: false, reason: 'NONEXISTENT' });
  });

  it('reads 3:00 am as daylight time (UTC+11)', () => {
    expect(iso(zonedTimeToUtc('2026-10-04', '03:00', SYD))).toBe('2026-10-03T16:00:00.000Z');
  });

  it('makes the day 23 hours long', () => {
    expectSpan(dayBounds('2026-10-04', SYD), '2026-10-03T14:00:00.000Z', '2026-10-04T13:00:00.000Z', 23);
  });

  it('makes the week holding the change (Mon 28 Sep to Sun 4 Oct) 167 hours long', () => {
    const week = weekBounds('2026-10-01', SYD);
    expect(week.days).toEqual([
      '2026-09-28',
      '2026-09-29',
      '2026-09-30',
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
    ]);
    expectSpan(week, '2026-09-27T14:00:00.000Z', '2026-10-04T13:00:00.000Z', 167);
  });
});

describe('Brisbane has no daylight saving', () => {
  it('stays UTC+10 on both Sydney change days and in summer', () => {
    const BNE = 'Australia/Brisbane';
    expect(iso(zonedTimeToUtc('2026-04-05', '02:30', BNE))).toBe('2026-04-04T16:30:00.000Z');
    expect(iso(zonedTimeToUtc('2026-10-04', '02:30', BNE))).toBe('2026-10-03T16:30:00.000Z');
    expect(iso(zonedTimeToUtc('2026-01-15', '09:00', BNE))).toBe('2026-01-14T23:00:00.000Z');
    expect(hours(dayBounds('2026-10-04', BNE))).toBe(24);
  });

  it('shows a Sydney 9:00 am summer appointment as 8:00 am in Brisbane', () => {
    const start = zonedTimeToUtc('2026-01-15', '09:00', SYD);
    expect(start.ok && toTimeString(start.date, 'Australia/Brisbane')).toBe('08:00');
  });
});

describe('Adelaide is on a half-hour offset', () => {
  const ADL = 'Australia/Adelaide';
  it('is UTC+10:30 in summer and UTC+9:30 in winter', () => {
    expect(iso(zonedTimeToUtc('2026-01-15', '09:00', ADL))).toBe('2026-01-14T22:30:00.000Z');
    expect(iso(zonedTimeToUtc('2026-07-15', '09:00', ADL))).toBe('2026-07-14T23:30:00.000Z');
  });

  it('changes on the same days as Sydney, skipping 2:00 to 2:59 am on 4 October', () => {
    expect(zonedTimeToUtc('2026-10-04', '02:15', ADL)).toEqual({ ok: false, reason: 'NONEXISTENT' });
    expect(hours(dayBounds('2026-04-05', ADL))).toBe(25);
  });

  it('formats an instant at the half hour correctly', () => {
    const instant = new Date('2026-07-14T23:30:00Z');
    expect(toDateString(instant, ADL)).toBe('2026-07-15');
    expect(formatTime(instant, ADL)).toBe('9:00 am');
  });
});

describe('Lord Howe Island moves only half an hour', () => {
  it('skips 2:00 to 2:29 am on 4 October 2026 but keeps 2:30 am', () => {
    const LHI = 'Australia/Lord_Howe';
    expect(zonedTimeToUtc('2026-10-04', '02:15', LHI)).toEqual({ ok: false, reason: 'NONEXISTENT' });
    expect(iso(zonedTimeToUtc('2026-10-04', '02:30', LHI))).toBe('2026-10-03T15:30:00.000Z');
    expect(hours(dayBounds('2026-10-04', LHI))).toBe(23.5);
  });
});

describe('parsing and calendar helpers', () => {
  it('parses a datetime-local value in the given zone', () => {
    expect(iso(parseDateTimeLocal('2026-07-01T09:30', SYD))).toBe('2026-06-30T23:30:00.000Z');
    expect(parseDateTimeLocal('2026-07-01 09:30', SYD)).toEqual({ ok: false, reason: 'INVALID' });
  });

  it('refuses dates that are not on the calendar', () => {
    expect(isValidDateString('2026-02-29')).toBe(false);
    expect(isValidDateString('2028-02-29')).toBe(true);
    expect(isValidDateString('2026-04-31')).toBe(false);
    expect(isValidDateString('26-04-01')).toBe(false);
    expect(zonedTimeToUtc('2026-13-01', '09:00', SYD)).toEqual({ ok: false, reason: 'INVALID' });
    expect(zonedTimeToUtc('2026-04-01', '24:00', SYD)).toEqual({ ok: false, reason: 'INVALID' });
  });

  it('refuses unknown time zones', () => {
    expect(isValidTimeZone('Australia/Perth')).toBe(true);
    expect(isValidTimeZone('Australia/Nowhere')).toBe(false);
    expect(zonedTimeToUtc('2026-04-01', '09:00', 'Mars/Olympus')).toEqual({ ok: false, reason: 'INVALID' });
  });

  it('starts weeks on Monday, including for a Sunday and across a month end', () => {
    expect(mondayOf('2026-04-05')).toBe('2026-03-30');
    expect(mondayOf('2026-04-06')).toBe('2026-04-06');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('gives the clinic date of an instant near midnight UTC', () => {
    // 14:30 UTC on 4 April is 1:30 am on 5 April in Sydney.
    expect(toDateString(new Date('2026-04-04T14:30:00Z'), SYD)).toBe('2026-04-05');
  });
});
