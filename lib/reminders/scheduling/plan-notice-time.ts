// When a change notice goes (docs/decisions/005-reminders-at-most-once.md,
// "Change notices"). Pure.
//
// Debounce: a notice goes NOTICE_DEBOUNCE_MS after the last change, so several
// changes within a few minutes become one message with the final state (each
// change replaces the waiting notice and starts the wait again).
//
// Quiet hours: a notice that would arrive inside the patient's quiet hours is
// held until they end, unless that is too late to be of use: when the end of
// quiet hours is later than NOTICE_MIN_LEAD_MS before the earlier of the time the
// patient knew and the new time, it goes at once. A cancellation concerns the
// time the patient knew, so a cancelled 9 am appointment is told at night.
import { isQuietTime, quietHoursEnd, type QuietHours } from './apply-quiet-hours';
import { toTimeString } from '@/lib/time/clinic-time';

export const NOTICE_DEBOUNCE_MS = 3 * 60_000;
export const NOTICE_MIN_LEAD_MS = 2 * 60 * 60_000;

export type NoticeTiming =
  /** Outside quiet hours: after the debounce. */
  | { dueAt: Date; quiet: 'NONE' }
  /** Held until quiet hours end. */
  | { dueAt: Date; quiet: 'HELD' }
  /** Inside quiet hours, but holding it would leave the patient too little time: goes now. */
  | { dueAt: Date; quiet: 'URGENT' };

export function planNoticeTime(input: {
  changedAt: Date;
  /** The wait after the change; NOTICE_DEBOUNCE_MS unless the deployment sets CHANGE_NOTICE_DELAY_SECONDS. */
  debounceMs?: number;
  /** The time the notice tells of: the new start, or the cancelled one. */
  startsAt: Date;
  /** The start the patient knew before the change. */
  previousStartsAt: Date;
  /** The patient's IANA timezone. */
  timeZone: string;
  quietHours: QuietHours;
}): NoticeTiming {
  const wanted = new Date(input.changedAt.getTime() + (input.debounceMs ?? NOTICE_DEBOUNCE_MS));
  if (!isQuietTime(toTimeString(wanted, input.timeZone), input.quietHours)) {
    return { dueAt: wanted, quiet: 'NONE' };
  }
  const end = quietHoursEnd(wanted, input.timeZone, input.quietHours);
  const earliest = Math.min(input.startsAt.getTime(), input.previousStartsAt.getTime());
  if (end.getTime() <= earliest - NOTICE_MIN_LEAD_MS) return { dueAt: end, quiet: 'HELD' };
  return { dueAt: wanted, quiet: 'URGENT' };
}
