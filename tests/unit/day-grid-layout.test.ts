import { describe, expect, it } from 'vitest';

import {
  GRID_ROWS,
  gridRows,
  initials,
  minuteLabel,
  placeAppointments,
} from '@/lib/appointments/day-grid-layout';

const SYD = 'Australia/Sydney';
// 2026-12-07 is in daylight time (UTC+11): 10:00 am = 23:00 UTC the day before.
const at = (iso: string) => new Date(iso);

describe('gridRows', () => {
  it('has 56 fifteen-minute rows from 7:00 am to 8:45 pm, each at its instant in the clinic zone', () => {
    const rows = gridRows('2026-12-07', SYD);
    expect(rows).toHaveLength(GRID_ROWS);
    expect(GRID_ROWS).toBe(56);
    expect(rows[0]).toMatchObject({ time: '07:00', label: '7:00 am' });
    expect(rows[0]!.startsAt?.toISOString()).toBe('2026-12-06T20:00:00.000Z');
    expect(rows[55]).toMatchObject({ time: '20:45', label: '8:45 pm' });
  });

  it('uses the winter offset on the day daylight saving ends', () => {
    expect(gridRows('2026-04-05', SYD)[0]!.startsAt?.toISOString()).toBe('2026-04-04T21:00:00.000Z');
  });
});

describe('placeAppointments', () => {
  const appt = (id: string, start: string, minutes: number) => ({
    id,
    startsAt: at(start),
    endsAt: new Date(at(start).getTime() + minutes * 60_000),
  });

  it('puts a 50-minute appointment at 10:15 am in row 13 spanning 4 rows (rounded out)', () => {
    const { blocks, outside } = placeAppointments([appt('a', '2026-12-06T23:15:00Z', 50)], '2026-12-07', SYD);
    expect(outside).toEqual([]);
    expect(blocks.map((b) => [b.row, b.span, b.items.map((i) => i.id)])).toEqual([[13, 4, ['a']]]);
  });

  it('joins an appointment that starts inside an earlier block to it instead of overlapping', () => {
    const { blocks } = placeAppointments(
      [appt('a', '2026-12-06T23:00:00Z', 50), appt('b', '2026-12-06T23:30:00Z', 60)],
      '2026-12-07',
      SYD,
    );
    expect(blocks.map((b) => [b.row, b.span, b.items.map((i) => i.id)])).toEqual([[12, 6, ['a', 'b']]]);
  });

  it('sets apart appointments outside 7 am to 9 pm, and cuts one running past 9 pm at the last row', () => {
    const { blocks, outside } = placeAppointments(
      [appt('early', '2026-12-06T19:30:00Z', 30), appt('late', '2026-12-07T09:30:00Z', 60)],
      '2026-12-07',
      SYD,
    );
    expect(outside.map((a) => a.id)).toEqual(['early']);
    expect(blocks.map((b) => [b.row, b.span])).toEqual([[54, 2]]);
  });
});

describe('labels', () => {
  it('says times the way the clinic does and shortens names to initials', () => {
    expect(minuteLabel(615)).toBe('10:15 am');
    expect(minuteLabel(720)).toBe('12:00 pm');
    expect(minuteLabel(1245)).toBe('8:45 pm');
    expect(initials('Olivia Nguyen-Whitlam')).toBe('ONW');
  });
});
