// What lib/appointments calls after a booking, a move or a cancellation has
// committed. A failure here must not undo or fail the appointment change the
// person made: it is logged, and the sweep and the send job's own checks
// (appointment status, due time) keep reminders right in the meantime.
import 'server-only';

import { errorFields, log } from '@/lib/log/logger';

import { cancelAppointmentReminders } from './cancel-appointment-reminders';
import { changeNoticeAfterCommit, type ChangeNoticeOutcome } from './change-notice';
import { rescheduleAppointmentReminders } from './reschedule-reminders';
import { scheduleAppointmentReminders } from './schedule-reminders';

async function guarded(event: string, appointmentId: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (err) {
    log.error(event, { appointmentId, ...errorFields(err) });
  }
}

export function remindersAfterBooking(appointmentId: string, actorId: string | null): Promise<void> {
  return guarded('reminders.schedule_failed', appointmentId, () =>
    scheduleAppointmentReminders(appointmentId, { actorId }),
  );
}

export function remindersAfterReschedule(appointmentId: string, actorId: string | null): Promise<void> {
  return guarded('reminders.reschedule_failed', appointmentId, () =>
    rescheduleAppointmentReminders(appointmentId, { actorId }),
  );
}

export function remindersAfterCancel(appointmentId: string, actorId: string | null): Promise<void> {
  return guarded('reminders.cancel_failed', appointmentId, () =>
    cancelAppointmentReminders(appointmentId, { actorId }),
  );
}

/** After a move or cancellation committed with its change notice: queue the notice (the sweep catches a miss). */
export function noticeAfterChange(appointmentId: string, outcome: ChangeNoticeOutcome): Promise<void> {
  return guarded('reminders.notice_enqueue_failed', appointmentId, () => changeNoticeAfterCommit(outcome));
}
