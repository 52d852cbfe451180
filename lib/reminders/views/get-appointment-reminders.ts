// One appointment's reminders with their timelines, and what the patient's
// contact settings allow (so the panel can say why nothing will go, or why it
// goes by SMS).
import 'server-only';

import { db } from '@/lib/db/client';
import type { SessionUser } from '@/lib/auth/session-user';

import type { ChannelPlan } from '../sending/choose-channels';
import { getReminderConfig } from '../templates/get-reminder-config';
import { channelPatientSelect, planChannels } from '../sending/plan-channels';
import { patientTimeZone } from '../scheduling/reminder-appointment';
import { appointmentForReminders } from '../staff/staff-reminder-access';

export async function getAppointmentReminders(user: SessionUser, appointmentId: string) {
  const appointment = await appointmentForReminders(user, appointmentId, 'reminders.read');
  const [reminders, patient, config] = await Promise.all([
    db().reminder.findMany({
      // Change notices are on the appointment's timeline (get-appointment-timeline.ts).
      where: { appointmentId, source: { not: 'CHANGE_NOTICE' } },
      orderBy: [{ dueAt: 'asc' }, { createdAt: 'asc' }],
      select: {
        id: true,
        status: true,
        reason: true,
        errorCode: true,
        source: true,
        offsetMinutes: true,
        requestedAt: true,
        dueAt: true,
        movedByQuietHours: true,
        messages: {
          orderBy: { claimedAt: 'asc' },
          select: {
            channel: true,
            status: true,
            errorCode: true,
            isFallback: true,
            fallbackReason: true,
            acceptedAt: true,
          },
        },
        events: {
          orderBy: [{ at: 'asc' }, { id: 'asc' }],
          select: { id: true, at: true, type: true, channel: true, errorCode: true, detail: true },
        },
      },
    }),
    db().patient.findUniqueOrThrow({
      where: { id: appointment.patientId },
      select: { ...channelPatientSelect, timezone: true, messagingConsentMethod: true },
    }),
    getReminderConfig(appointment.patient.clinicId),
  ]);
  const plan: ChannelPlan = planChannels(
    patient,
    config,
    config.templates[appointment.kind].whatsappContentSid,
  );
  return {
    appointment,
    reminders,
    patient,
    plan,
    patientTimeZone: patientTimeZone(patient.timezone, config.clinicTimeZone),
    clinicTimeZone: config.clinicTimeZone,
  };
}

export type AppointmentReminders = Awaited<ReturnType<typeof getAppointmentReminders>>;
