// The appointment's timeline for staff: each change made to it (from the audit
// log: who moved or cancelled it, and whether the patient was to be told) and
// each change notice with its fate, oldest first. Ids and codes only come from
// the database; the words are in components/reminders/appointment-timeline.tsx.
import 'server-only';

import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';

import { getReminderConfig } from '../templates/get-reminder-config';
import { appointmentForReminders } from '../staff/staff-reminder-access';

export interface TimelineChange {
  type: 'change';
  id: string;
  at: Date;
  operation: string;
  actorName: string | null;
  notifyPatient: boolean | null;
}

export async function getAppointmentTimeline(user: SessionUser, appointmentId: string) {
  const appointment = await appointmentForReminders(user, appointmentId, 'reminders.read');
  const [audit, notices, config] = await Promise.all([
    db().auditLog.findMany({
      where: { entityType: 'Appointment', entityId: appointmentId, action: { in: ['CREATE', 'UPDATE'] } },
      orderBy: { at: 'asc' },
      take: 200,
      select: { id: true, at: true, action: true, detail: true, actor: { select: { name: true } } },
    }),
    db().reminder.findMany({
      where: { appointmentId, source: 'CHANGE_NOTICE' },
      orderBy: { createdAt: 'asc' },
      select: {
        id: true,
        status: true,
        reason: true,
        errorCode: true,
        dueAt: true,
        createdAt: true,
        movedByQuietHours: true,
        noticeKind: true,
        noticeStartsAt: true,
        noticePreviousStartsAt: true,
        messages: {
          orderBy: { claimedAt: 'asc' },
          select: { channel: true, status: true, errorCode: true, isFallback: true },
        },
        events: {
          orderBy: [{ at: 'asc' }, { id: 'asc' }],
          select: { id: true, at: true, type: true, channel: true, errorCode: true, detail: true },
        },
      },
    }),
    getReminderConfig(appointment.patient.clinicId),
  ]);
  const changes: TimelineChange[] = audit.map((a) => {
    const detail = (a.detail ?? {}) as Record<string, unknown>;
    return {
      type: 'change',
      id: a.id,
      at: a.at,
      operation:
        typeof detail.operation === 'string' ? detail.operation : a.action === 'CREATE' ? 'create' : 'update',
      actorName: a.actor?.name ?? null,
      notifyPatient: typeof detail.notifyPatient === 'boolean' ? detail.notifyPatient : null,
    };
  });
  return { changes, notices, clinicTimeZone: config.clinicTimeZone };
}

export type AppointmentTimeline = Awaited<ReturnType<typeof getAppointmentTimeline>>;
export type TimelineNotice = AppointmentTimeline['notices'][number];
