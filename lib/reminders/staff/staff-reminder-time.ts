// The time staff choose for a reminder, checked into an offset from the start,
// with messages a person can act on.
import 'server-only';

import type { AppointmentStatus } from '@/lib/db/generated/enums';
import { AppError } from '@/lib/errors/app-error';
import { isOpenStatus } from '@/lib/schemas/appointment';

export const TIME_MESSAGES = {
  afterStart: 'Choose a time before the appointment starts.',
  inPast: 'Choose a time that has not passed.',
  closed: 'This appointment is no longer open, so it gets no new reminders.',
} as const;

/** Only an open appointment gets new reminders (or moved ones). */
export function assertOpenForReminders<T extends { status: AppointmentStatus }>(
  appointment: T | null,
): asserts appointment is T {
  if (!appointment || !isOpenStatus(appointment.status)) throw new AppError('CONFLICT', TIME_MESSAGES.closed);
}

/** The offset for a chosen time, or a field error a person can act on. */
export function offsetForTime(startsAt: Date, sendAt: Date, now: Date): number {
  const offsetMinutes = Math.round((startsAt.getTime() - sendAt.getTime()) / 60_000);
  if (offsetMinutes <= 0) {
    throw new AppError('INVALID_INPUT', TIME_MESSAGES.afterStart, {
      fieldErrors: { sendAt: [TIME_MESSAGES.afterStart] },
    });
  }
  if (sendAt.getTime() < now.getTime() - 60_000) {
    throw new AppError('INVALID_INPUT', TIME_MESSAGES.inPast, {
      fieldErrors: { sendAt: [TIME_MESSAGES.inPast] },
    });
  }
  return offsetMinutes;
}
