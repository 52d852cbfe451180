import { describe, expect, it } from 'vitest';

import { patientClockQuestion, patientClockWarning, zonePlace } from '@/lib/appointments/patient-clock';

const at = (iso: string) => new Date(iso);
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);
/** The warning for an appointment starting at `iso` (UTC) and lasting `minutes`, for a patient in `zone`. */
const warningFor = (iso: string, minutes: number, zone: string) =>
  patientClockWarning(at(iso), plus(at(iso), minutes), zone);

describe('patientClockWarning', () => {
  it('warns that 7:05 am in Sydney (daylight time) is 4:05 am for a patient in Perth', () => {
    // 2026-12-07 07:05 AEDT (UTC+11) = 2026-12-06 20:05 UTC = 04:05 AWST (UTC+8).
    const w = warningFor('2026-12-06T20:05:00Z', 50, 'Australia/Perth');
    expect(w).toEqual({
      localTime: '4:05 am',
      localDate: 'Monday 7 December',
      place: 'Perth',
      edge: 'early',
    });
    expect(patientClockQuestion(w!, 'Olivia')).toBe('This is 4:05 am for Olivia in Perth. Book anyway?');
  });

  it('says nothing when the same slot is 7:05 am on the patient’s own Sydney clock', () => {
    expect(warningFor('2026-12-06T20:05:00Z', 50, 'Australia/Sydney')).toBeNull();
  });

  it('reads Brisbane, which keeps no daylight saving, an hour behind Sydney in summer only', () => {
    // 7:30 am in Sydney: 6:30 am in Brisbane in December, 7:30 am in June.
    expect(warningFor('2026-12-06T20:30:00Z', 50, 'Australia/Brisbane')?.localTime).toBe('6:30 am');
    expect(warningFor('2026-06-07T21:30:00Z', 50, 'Australia/Brisbane')).toBeNull();
  });

  it('uses the old offset again after daylight saving ends in Sydney (5 April 2026)', () => {
    // 10:30 UTC: 9:30 pm on Saturday 4 April (UTC+11), 8:30 pm on Sunday 5 April (UTC+10).
    expect(warningFor('2026-04-04T10:30:00Z', 30, 'Australia/Sydney')).toMatchObject({
      localTime: '9:30 pm',
      edge: 'late',
    });
    expect(warningFor('2026-04-05T10:30:00Z', 30, 'Australia/Sydney')).toBeNull();
    // The same Sunday start for 50 minutes runs to 9:20 pm.
    const w = warningFor('2026-04-05T10:30:00Z', 50, 'Australia/Sydney');
    expect(w).toMatchObject({ localTime: '8:30 pm', edge: 'runs-late' });
    expect(patientClockQuestion(w!, 'Olivia')).toBe(
      'This is 8:30 pm for Olivia in Sydney and it runs past 9:00 pm there. Book anyway?',
    );
  });

  it('accepts a slot from exactly 7:00 am to exactly 9:00 pm on the patient’s clock', () => {
    // Perth, UTC+8: 07:00 is 23:00 UTC the day before; 21:00 is 13:00 UTC.
    expect(
      patientClockWarning(at('2026-12-06T23:00:00Z'), at('2026-12-07T13:00:00Z'), 'Australia/Perth'),
    ).toBeNull();
    expect(
      patientClockWarning(at('2026-12-06T22:59:00Z'), at('2026-12-06T23:49:00Z'), 'Australia/Perth'),
    ).toMatchObject({ localTime: '6:59 am', edge: 'early' });
    expect(
      patientClockWarning(at('2026-12-07T12:20:00Z'), at('2026-12-07T13:01:00Z'), 'Australia/Perth'),
    ).toMatchObject({ localTime: '8:20 pm', edge: 'runs-late' });
  });

  it('warns for a patient overseas on a different date, with the date on their clock', () => {
    // 10:00 am Monday in Sydney (AEDT) is 11:00 pm Sunday in London (GMT).
    expect(warningFor('2026-12-06T23:00:00Z', 50, 'Europe/London')).toEqual({
      localTime: '11:00 pm',
      localDate: 'Sunday 6 December',
      place: 'London',
      edge: 'late',
    });
  });

  // The same UTC time, on either side of a change of offset: 7:00 am or later on one side (no
  // warning), before 7:00 am on the other.
  it.each<[string, string, string, string, object]>([
    [
      'uses the new offset from the morning daylight saving starts in Sydney (4 October 2026)',
      'Australia/Sydney',
      '2026-10-03T20:30:00Z', // 7:30 am on the Sunday clocks went forward
      '2026-10-02T20:30:00Z', // 6:30 am the day before
      { localTime: '6:30 am', edge: 'early' },
    ],
    [
      'handles a half-hour daylight saving shift (Lord Howe Island)',
      'Australia/Lord_Howe',
      '2026-12-06T20:00:00Z', // 7:00 am in summer (UTC+11)
      '2026-06-06T20:00:00Z', // 6:30 am in winter (UTC+10:30)
      { localTime: '6:30 am', place: 'Lord Howe' },
    ],
  ])('%s', (_name, zone, fromSeven, beforeSeven, warning) => {
    expect(warningFor(fromSeven, 50, zone)).toBeNull();
    expect(warningFor(beforeSeven, 50, zone)).toMatchObject(warning);
  });
});

describe('zonePlace', () => {
  it('names the city of a zone as people say it', () => {
    expect(zonePlace('Australia/Perth')).toBe('Perth');
    expect(zonePlace('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
  });
});
