// Whether a slot falls outside waking hours on the patient's own clock (their
// Patient.timezone), so booking can warn "This is 4:05 am for Olivia in
// Perth". Pure and client-safe: the booking form and its tests share it.
import { formatInTimeZone, toDateString } from '@/lib/time/clinic-time';

/** Waking hours on the patient's clock: a slot must start at or after 7:00 and end by 21:00. */
export const PATIENT_DAY_START = '07:00';
export const PATIENT_DAY_END = '21:00';

export type PatientClockWarning = {
  /** "4:05 am" on the patient's clock. */
  localTime: string;
  /** "Sunday 5 April", the patient's date (it can differ from the clinic's). */
  localDate: string;
  /** "Perth": the zone's city, as people say it. */
  place: string;
  /** It starts before 7:00, starts at or after 21:00, or starts in time but runs past 21:00. */
  edge: 'early' | 'late' | 'runs-late';
};

/** "Australia/Perth" → "Perth", "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function zonePlace(timeZone: string): string {
  const last = timeZone.split('/').pop() ?? timeZone;
  return last.replaceAll('_', ' ');
}

function minutesOfDay(date: Date, timeZone: string): number {
  const [h, m] = formatInTimeZone(date, timeZone, 'HH:mm').split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * null when [startsAt, endsAt) lies within 7:00–21:00 of one day on the
 * patient's clock; otherwise what to warn about. Times come from the zone's
 * own rules, so daylight saving (Sydney, Adelaide, Lord Howe's half hour) and
 * zones without it (Perth, Brisbane) are each read as the patient's clock reads.
 */
export function patientClockWarning(
  startsAt: Date,
  endsAt: Date,
  patientTimeZone: string,
  hours: { start: string; end: string } = { start: PATIENT_DAY_START, end: PATIENT_DAY_END },
): PatientClockWarning | null {
  const startMinute = minutesOfDay(startsAt, patientTimeZone);
  const sameDay = toDateString(startsAt, patientTimeZone) === toDateString(endsAt, patientTimeZone);
  // An end at exactly midnight belongs to the day before; anything later is past 21:00 anyway.
  const endMinute = sameDay ? minutesOfDay(endsAt, patientTimeZone) : 24 * 60;
  const warning = (edge: PatientClockWarning['edge']): PatientClockWarning => ({
    localTime: formatInTimeZone(startsAt, patientTimeZone, 'h:mm aaa'),
    localDate: formatInTimeZone(startsAt, patientTimeZone, 'EEEE d MMMM'),
    place: zonePlace(patientTimeZone),
    edge,
  });
  if (startMinute < toMinutes(hours.start)) return warning('early');
  if (startMinute >= toMinutes(hours.end)) return warning('late');
  if (endMinute > toMinutes(hours.end)) return warning('runs-late');
  return null;
}

/** The question booking asks: "This is 4:05 am for Olivia in Perth. Book anyway?" (moving: "Move anyway?") */
export function patientClockQuestion(
  w: PatientClockWarning,
  patientName: string,
  action: 'book' | 'move' = 'book',
): string {
  const ends = w.edge === 'runs-late' ? ' and it runs past 9:00 pm there' : '';
  return `This is ${w.localTime} for ${patientName} in ${w.place}${ends}. ${action === 'book' ? 'Book' : 'Move'} anyway?`;
}
