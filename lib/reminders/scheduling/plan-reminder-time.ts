// When a reminder goes: `offsetMinutes` before the appointment (exact
// durations, so "24 hours before" is 24 real hours across a daylight-saving
// change), then moved out of quiet hours on the patient's clock. Pure.
import { applyQuietHours, type QuietHours } from './apply-quiet-hours';
import type { ReasonCode } from '../status/reminder-reasons';

export type PlannedTime =
  | { ok: true; requestedAt: Date; dueAt: Date; moved: boolean }
  | {
      ok: false;
      requestedAt: Date;
      reason: Extract<ReasonCode, 'NO_ALLOWED_TIME' | 'AFTER_APPOINTMENT' | 'TIME_PASSED'>;
    };

// A reminder planned a few seconds late (the request took time) still goes.
const LATE_GRACE_MS = 60_000;

export function planReminderTime(input: {
  startsAt: Date;
  offsetMinutes: number;
  timeZone: string;
  quietHours: QuietHours;
  now: Date;
}): PlannedTime {
  const requestedAt = new Date(input.startsAt.getTime() - input.offsetMinutes * 60_000);
  if (input.offsetMinutes <= 0) return { ok: false, requestedAt, reason: 'AFTER_APPOINTMENT' };
  if (requestedAt.getTime() < input.now.getTime() - LATE_GRACE_MS) {
    return { ok: false, requestedAt, reason: 'TIME_PASSED' };
  }
  // Due in the last minute: now. Quiet hours are checked against that moment.
  const effective = requestedAt.getTime() < input.now.getTime() ? input.now : requestedAt;
  const result = applyQuietHours({
    requestedAt: effective,
    appointmentStartsAt: input.startsAt,
    timeZone: input.timeZone,
    quietHours: input.quietHours,
    now: input.now,
  });
  if (!result.ok) return { ok: false, requestedAt, reason: result.reason };
  return { ok: true, requestedAt, dueAt: result.sendAt, moved: result.moved };
}
