// Staff send the patient their telehealth join link now, by WhatsApp or SMS
// ("Send link to patient" on the appointment's video panel). It goes through
// the reminder engine as a reminder of its own (source JOIN_LINK), so consent,
// opt-outs, the SMS fallback, at-most-once sending and the timeline hold as
// for any reminder. Unlike a reminder it ignores quiet hours (a person chose to
// send it now, for a session about to start) and may go after the start, while
// the session can still be joined. It sends the current link (made first if
// there is none); "Make a new link" then "Send" sends a fresh one.
import 'server-only';

import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { isOpenStatus } from '@/lib/schemas/appointment';
import { joinWindow } from '@/lib/video/links/join-window';
import { currentOrFirstJoinLink } from '@/lib/video/links/regenerate-join-link';
import { requireStaffVideoAccess } from '@/lib/video/access/staff-video-access';

import type { Channel } from '../sending/choose-channels';
import { createStaffReminder } from './create-staff-reminder';
import { enqueueReminders } from '../scheduling/enqueue-reminder';
import { getReminderConfig } from '../templates/get-reminder-config';
import { channelPatientSelect, planChannels } from '../sending/plan-channels';
import { REMINDER_PRIORITY } from '../../jobs/reminder-queues';
import { describeReason } from '../status/reminder-reasons';

export const JOIN_LINK_MESSAGES = {
  closed: 'This appointment is no longer open, so there is no session to join.',
  sessionOver: 'This session has closed, so a link would no longer let the patient in.',
} as const;

export async function sendJoinLink(
  user: SessionUser,
  appointmentId: string,
  now = new Date(),
): Promise<{ reminderId: string; channels: Channel[] }> {
  // Reception and admins: they can follow the message's fate under Reminders.
  assertCan(user, 'reminders.write');
  const { appointment, sessionId } = await requireStaffVideoAccess(user, appointmentId, 'manage-links');
  if (!isOpenStatus(appointment.status)) throw new AppError('CONFLICT', JOIN_LINK_MESSAGES.closed);
  if (now >= joinWindow(appointment, 'PATIENT').closesAt) {
    throw new AppError('CONFLICT', JOIN_LINK_MESSAGES.sessionOver);
  }

  // Refused here, with the reason, when nothing could go: staff can then give the link another way.
  const patient = await db().patient.findUniqueOrThrow({
    where: { id: appointment.patientId },
    select: { clinicId: true, ...channelPatientSelect },
  });
  const config = await getReminderConfig(patient.clinicId);
  const plan = planChannels(patient, config, config.templates.TELEHEALTH.whatsappContentSid);
  if (plan.channels.length === 0) {
    throw new AppError(
      'CONFLICT',
      `The link cannot be sent by message: ${describeReason(plan.blockedReason) ?? 'no channel is available.'} Copy the link and give it to the patient another way.`,
    );
  }

  // The link the message will carry exists before the job runs, and is the one staff see.
  await currentOrFirstJoinLink(sessionId, user.id);
  const reminder = await createStaffReminder(
    user,
    {
      appointmentId,
      patientId: appointment.patientId,
      source: 'JOIN_LINK',
      offsetMinutes: Math.round((appointment.startsAt.getTime() - now.getTime()) / 60_000),
      requestedAt: now,
      dueAt: now,
      status: 'SCHEDULED',
      events: { create: { type: 'SCHEDULED', detail: 'JOIN_LINK', actorId: user.id } },
    },
    { operation: 'send-join-link' },
  );
  await enqueueReminders([reminder], REMINDER_PRIORITY.sentByStaff);
  return { reminderId: reminder.id, channels: plan.channels };
}
