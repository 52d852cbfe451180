// Staff send a reminder again now: a new reminder (source RESEND), so the
// original keeps its history and "at most once per channel" still holds for
// each. Quiet hours still apply: at 9 pm on the patient's clock it is skipped
// with that reason rather than sent.
import 'server-only';

import type { SessionUser } from '@/lib/auth/session-user';
import { AppError } from '@/lib/errors/app-error';

import { createStaffReminder } from './create-staff-reminder';
import { enqueueReminders } from '../scheduling/enqueue-reminder';
import { loadReminderPlanner } from '../scheduling/load-reminder-planner';
import { appointmentForReminders } from './staff-reminder-access';
import { assertOpenForReminders } from './staff-reminder-time';

export async function resendReminder(
  user: SessionUser,
  appointmentId: string,
  now = new Date(),
): Promise<{ id: string; status: 'SCHEDULED' | 'SKIPPED'; reason: string | null }> {
  const appointment = await appointmentForReminders(user, appointmentId);
  assertOpenForReminders(appointment);
  const offsetMinutes = Math.floor((appointment.startsAt.getTime() - now.getTime()) / 60_000);
  if (offsetMinutes <= 0)
    throw new AppError('CONFLICT', 'The appointment has started, so a reminder would be too late.');
  const plan = (await loadReminderPlanner(appointment, now)).plan(offsetMinutes);
  // "Now" inside quiet hours would otherwise move to yesterday evening: that is no resend.
  const status = plan.ok && !plan.moved ? 'SCHEDULED' : 'SKIPPED';
  const reason = plan.ok ? (plan.moved ? 'NO_ALLOWED_TIME' : null) : plan.reason;

  const created = await createStaffReminder(
    user,
    {
      appointmentId,
      patientId: appointment.patientId,
      source: 'RESEND',
      offsetMinutes,
      requestedAt: now,
      dueAt: now,
      status,
      reason,
      events: {
        create:
          status === 'SCHEDULED'
            ? { type: 'SCHEDULED', detail: 'RESEND', actorId: user.id }
            : { type: 'SKIPPED', detail: reason, actorId: user.id },
      },
    },
    { operation: 'resend-reminder' },
  );
  if (created.status === 'SCHEDULED') await enqueueReminders([created]);
  return { id: created.id, status, reason };
}
