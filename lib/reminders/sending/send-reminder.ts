// Sends one due reminder: WhatsApp first when the patient can get it, SMS as
// the fallback, each channel at most once, however often this runs. Why that
// holds: docs/decisions/005-reminders-at-most-once.md.
import 'server-only';

import { isFailureStatus } from '@/lib/reminders/status/message-status';
import { isOpenStatus } from '@/lib/schemas/appointment';
import { findRecentMessages } from '@/lib/twilio/find-recent-messages';
import { sendMessage } from '@/lib/twilio/send-message';
import { joinWindow } from '@/lib/video/links/join-window';

import type { Channel } from './choose-channels';
import { SETTLE_MS } from './claim-timing';
import { getReminderConfig } from '../templates/get-reminder-config';
import { planChannels } from './plan-channels';
import { patientTimeZone } from '../scheduling/reminder-appointment';
import type { ReasonCode } from '../status/reminder-reasons';
import { finishReminder, noticeIsCurrent } from './finish-send';
import { loadReminder } from './load-reminder';
import {
  ACCEPTED,
  IN_FLIGHT,
  type SendContext,
  type SendOutcome,
  type SendReminderDeps,
} from './send-context';
import { sendOnChannel } from './send-channel';

export { RetryReminderLater, type SendOutcome, type SendReminderDeps } from './send-context';

const CHANNEL_ORDER: Channel[] = ['WHATSAPP', 'SMS'];

export async function sendReminder(reminderId: string, deps: SendReminderDeps = {}): Promise<SendOutcome> {
  const clock = deps.now ?? (() => new Date());
  const reminder = await loadReminder(reminderId);
  if (!reminder) return 'NOT_FOUND';
  if (reminder.status !== 'SCHEDULED' && reminder.status !== 'SENDING') return 'FINISHED';
  const now = clock();
  // Moved later since this job was queued: the job for the new time does it.
  if (reminder.status === 'SCHEDULED' && reminder.dueAt.getTime() > now.getTime() + 2_000) return 'NOT_DUE';

  const { appointment, notice } = reminder;
  // A change notice is about the change, so a cancelled appointment is what a cancellation notice tells.
  const stale = notice ? !noticeIsCurrent(notice, appointment) : false;
  if (!notice && !isOpenStatus(appointment.status)) {
    const reason = appointment.status === 'CANCELLED' ? 'APPOINTMENT_CANCELLED' : 'APPOINTMENT_CLOSED';
    await finishReminder(reminder.id, 'CANCELLED', reason);
    return 'CANCELLED';
  }
  if (reminder.messages.some((m) => ACCEPTED.has(m.status))) {
    // Accepted on a channel already (its row and the reminder are written together; this is a late duplicate job).
    return 'ALREADY_ACCEPTED';
  }
  const inFlight = reminder.messages.some((m) => IN_FLIGHT.has(m.status));
  if (stale && !inFlight) {
    // A later change has its own notice (or an appointment marked completed needs none).
    const reason =
      isOpenStatus(appointment.status) || appointment.status === 'CANCELLED'
        ? 'NOTICE_SUPERSEDED'
        : 'APPOINTMENT_CLOSED';
    await finishReminder(reminder.id, 'CANCELLED', reason);
    return 'CANCELLED';
  }
  // A reminder is pointless once the appointment starts; a join link is useful until the session closes;
  // a notice, until the time it tells of.
  const joinLink = reminder.source === 'JOIN_LINK';
  const lateAfter = joinLink
    ? joinWindow(appointment, 'PATIENT').closesAt
    : (notice?.startsAt ?? appointment.startsAt);
  if (lateAfter.getTime() <= now.getTime() && !inFlight) {
    const status = reminder.messages.length === 0 ? 'SKIPPED' : 'FAILED';
    await finishReminder(reminder.id, status, joinLink ? 'SESSION_CLOSED' : 'APPOINTMENT_STARTED');
    return status;
  }

  const config = await getReminderConfig(appointment.patient.clinicId);
  const plan = planChannels(
    appointment.patient,
    config,
    (notice ? config.noticeTemplates[notice.kind] : config.templates)[appointment.kind].whatsappContentSid,
  );
  const ctx: SendContext = {
    reminder,
    plan,
    config,
    timeZone: patientTimeZone(appointment.patient.timezone, config.clinicTimeZone),
    now,
    settleMs: deps.settleMs ?? SETTLE_MS,
    client: deps.client,
    send: deps.send ?? sendMessage,
    find: deps.find ?? findRecentMessages,
    joinUrl: deps.joinUrl,
    whatsappFailed: reminder.messages.some((m) => m.channel === 'WHATSAPP' && isFailureStatus(m.status)),
  };

  // Channels the plan allows, plus any with an unresolved attempt: that must be settled first,
  // even if the channel is no longer allowed, or a fallback could follow a message that did go.
  const channels = CHANNEL_ORDER.filter(
    (c) =>
      plan.channels.includes(c) || reminder.messages.some((m) => m.channel === c && IN_FLIGHT.has(m.status)),
  );
  let lastErrorCode: number | null = null;
  for (const channel of channels) {
    // A notice overtaken by a later change settles what is in flight but starts nothing new.
    const result = await sendOnChannel(ctx, channel, plan.channels.includes(channel) && !stale);
    if (result.kind === 'accepted') return 'ACCEPTED';
    if (result.kind === 'busy') return 'BUSY';
    lastErrorCode = result.errorCode ?? lastErrorCode;
    if (channel === 'WHATSAPP') ctx.whatsappFailed = true;
  }

  if (stale) {
    await finishReminder(reminder.id, 'CANCELLED', 'NOTICE_SUPERSEDED');
    return 'CANCELLED';
  }
  const attempted = reminder.messages.length > 0 || channels.length > 0;
  if (!attempted) {
    await finishReminder(reminder.id, 'SKIPPED', plan.blockedReason ?? 'NO_CHANNEL');
    return 'SKIPPED';
  }
  // WhatsApp failed and SMS is not allowed (opted out…): say so; otherwise every channel failed.
  const reason: ReasonCode = plan.channels.includes('SMS')
    ? 'SEND_FAILED'
    : (plan.smsUnavailable ?? plan.blockedReason ?? 'SEND_FAILED');
  await finishReminder(reminder.id, 'FAILED', reason, lastErrorCode);
  return 'FAILED';
}
