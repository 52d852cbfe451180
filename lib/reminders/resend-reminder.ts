// Staff send a reminder again now: a new reminder (source RESEND), so the
// original keeps its history and "at most once per channel" still holds for
// each. Quiet hours still apply: at 9 pm on the patient's clock it is skipped
// with that reason rather than sent.
import 'server-only';

import { recordAudit } from '@/lib/audit/record-audit';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { isOpenStatus } from '@/lib/schemas/appointment';

import { TIME_MESSAGES } from './add-reminder';
import { enqueueReminders } from './enqueue-reminder';
import { getReminderConfig } from './get-reminder-config';
import { planReminderTime } from './plan-reminder-time';
import { patientTimeZone } from './reminder-appointment';
import { appointmentForReminders } from './staff-reminder-access';

export async function resendReminder(
  user: SessionUser,
  appointmentId: string,
  now = new Date(),
): Promise<{ id: string; status: 'SCHEDULED' | 'SKIPPED'; reason: string | null }> {
  const appointment = await appointmentForReminders(user, appointmentId);
  if (!isOpenStatus(appointment.status)) throw new AppError('CONFLICT', TIME_MESSAGES.closed);
  const offsetMinutes = Math.floor((appointment.startsAt.getTime() - now.getTime()) / 60_000);
  if (offsetMinutes <= 0)
    throw new AppError('CONFLICT', 'The appointment has started, so a reminder would be too late.');
  const config = await getReminderConfig(appointment.patient.clinicId);
  const plan = planReminderTime({
    startsAt: appointment.startsAt,
    offsetMinutes,
    timeZone: patientTimeZone(appointment.patient.timezone, config.clinicTimeZone),
    quietHours: config.quietHours,
    now,
  });
  // "Now" inside quiet hours would otherwise move to yesterday evening: that is no resend.
  const status = plan.ok && !plan.moved ? 'SCHEDULED' : 'SKIPPED';
  const reason = plan.ok ? (plan.moved ? 'NO_ALLOWED_TIME' : null) : plan.reason;

  const created = await db().$transaction(async (tx) => {
    const row = await tx.reminder.create({
      data: {
        appointmentId,
        patientId: appointment.patientId,
        source: 'RESEND',
        offsetMinutes,
        requestedAt: now,
        dueAt: now,
        status,
        reason,
        createdById: user.id,
        events: {
          create:
            status === 'SCHEDULED'
              ? { type: 'SCHEDULED', detail: 'RESEND', actorId: user.id }
              : { type: 'SKIPPED', detail: reason, actorId: user.id },
        },
      },
      select: { id: true, status: true, reason: true, dueAt: true },
    });
    await recordAudit(
      {
        actor: { id: user.id, role: user.role },
        action: 'CREATE',
        entityType: 'Reminder',
        entityId: row.id,
        patientId: appointment.patientId,
        detail: { operation: 'resend-reminder' },
      },
      tx,
    );
    return row;
  });
  if (created.status === 'SCHEDULED') await enqueueReminders([created]);
  return { id: created.id, status, reason };
}
