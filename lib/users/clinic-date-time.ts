// "Thu 10 Dec, 9:30 am (Sydney time)": a moment on the clinic's clock, its zone named.
import { formatShortDate, formatTime } from '@/lib/time/clinic-time';

export function zoneName(timeZone: string): string {
  return `${timeZone.split('/').pop()?.replace(/_/g, ' ') ?? timeZone} time`;
}

export function clinicDateTime(date: Date, timeZone: string): string {
  return `${formatShortDate(date, timeZone)}, ${formatTime(date, timeZone)} (${zoneName(timeZone)})`;
}
