// Words for a reminder's timeline and messages. Client-safe.
import { describeTwilioCode } from '@/lib/twilio/errors';

import { describeReason } from '../status/reminder-reasons';

export const channelName = { WHATSAPP: 'WhatsApp', SMS: 'SMS' } as const;
type ChannelKey = keyof typeof channelName;

const replyLabels: Record<string, string> = {
  CONFIRM: 'confirmed the appointment',
  RESCHEDULE: 'asked to reschedule',
  OPT_OUT: 'opted out',
  OPT_IN: 'opted back in',
  HELP: 'asked for help',
  UNKNOWN: 'sent a message for staff',
};

const retryLabels: Record<string, string> = {
  RATE_LIMITED: 'Twilio asked us to slow down (429); trying again shortly',
  TIMEOUT: 'Twilio did not answer in time; checking with Twilio before trying again',
  TWILIO_ERROR: 'Twilio had a temporary problem; checking with Twilio before trying again',
  NETWORK: 'Could not reach Twilio; checking with Twilio before trying again',
};

export function twilioCodeText(code: number | null | undefined): string {
  if (code === null || code === undefined) return '';
  return `error ${code}: ${describeTwilioCode(code)}`;
}

/**
 * How a message went, as staff read it: "Sent by SMS" when SMS was the only channel
 * (the patient prefers SMS, or WhatsApp could not be used), "Fell back to SMS" only
 * when a WhatsApp message failed first.
 */
export function messageChannelLabel(m: { channel: string; isFallback: boolean }): string {
  if (m.channel === 'SMS') return m.isFallback ? 'Fell back to SMS' : 'Sent by SMS';
  return channelName[m.channel as ChannelKey] ?? m.channel;
}

const noticeScheduled: Record<string, string> = {
  NOTICE_MOVED: 'Notice queued: tells the patient the new time',
  NOTICE_CANCELLED: 'Notice queued: tells the patient the appointment is cancelled',
};
const noticeReplaced: Record<string, string> = {
  NOTICE_MOVED: 'Replaced by a later change: now tells the latest time',
  NOTICE_CANCELLED: 'Replaced by a later change: now tells the cancellation',
};
const quietHoursLabels: Record<string, string> = {
  HELD: "Held until the patient's quiet hours end",
  URGENT:
    "Goes in the patient's quiet hours: held until they end, it would arrive too close to the appointment",
};

export function eventLabel(e: {
  type: string;
  channel: string | null;
  errorCode: number | null;
  detail: string | null;
}): string {
  const via = e.channel ? channelName[e.channel as ChannelKey] : '';
  const code = twilioCodeText(e.errorCode);
  switch (e.type) {
    case 'SCHEDULED':
      if (e.detail && noticeScheduled[e.detail]) return noticeScheduled[e.detail]!;
      return e.detail === 'QUIET_HOURS'
        ? 'Scheduled, moved earlier to avoid quiet hours'
        : e.detail === 'RESEND'
          ? 'Resend requested'
          : e.detail === 'JOIN_LINK'
            ? 'Join link sent by staff'
            : e.detail === 'APPOINTMENT_MOVED'
              ? 'Scheduled for the new appointment time'
              : 'Scheduled';
    case 'MOVED':
      return e.detail === 'QUIET_HOURS' ? 'Moved, and earlier to avoid quiet hours' : 'Moved to a new time';
    case 'SKIPPED':
      return `Skipped: ${describeReason(e.detail) ?? 'no reason recorded'}`;
    case 'CANCELLED':
      return `Cancelled: ${describeReason(e.detail) ?? ''}`.trim();
    case 'SENT':
      return `Sent by ${via}`;
    case 'REPLACED':
      return noticeReplaced[e.detail ?? ''] ?? 'Replaced by a later change';
    case 'QUIET_HOURS':
      return quietHoursLabels[e.detail ?? ''] ?? "Timed around the patient's quiet hours";
    case 'SMS_ONLY':
      return `SMS only: ${describeReason(e.detail) ?? 'WhatsApp unavailable'}`;
    case 'SEND_REFUSED':
      return `${via} refused it at once (${code || 'no code'})`;
    case 'RETRYING':
      return `${via}: ${retryLabels[e.detail ?? ''] ?? 'trying again later'}${code ? ` (${code})` : ''}`;
    case 'RECONCILED':
      return `${via}: found at Twilio after an interrupted send (not sent twice)`;
    case 'FALLBACK':
      // Entries written before SMS_ONLY existed also named SMS sent because WhatsApp was not usable.
      return e.detail === 'WHATSAPP_FAILED' || !e.detail
        ? `Fell back to SMS: ${describeReason('WHATSAPP_FAILED')}`
        : `SMS only: ${describeReason(e.detail)}`;
    case 'DELIVERED':
      return `Delivered by ${via}`;
    case 'READ':
      return `Read on ${via}`;
    case 'UNDELIVERED':
      return `${via} could not deliver it (${code || 'no code'})`;
    case 'FAILED':
      return e.channel
        ? `${via} failed (${code || 'no code'})`
        : `Failed: ${describeReason(e.detail) ?? ''}${code ? ` (${code})` : ''}`;
    case 'REPLIED':
      return `Patient ${replyLabels[e.detail ?? ''] ?? 'replied'}${via ? ` on ${via}` : ''}`;
    default:
      return e.type;
  }
}

export const messageStatusLabels: Record<string, string> = {
  CLAIMED: 'sending',
  RETRY: 'waiting to retry',
  UNCERTAIN: 'checking with Twilio',
  QUEUED: 'accepted by Twilio',
  SENT: 'sent',
  DELIVERED: 'delivered',
  READ: 'read',
  UNDELIVERED: 'undelivered',
  FAILED: 'failed',
};

export function describeOffset(minutes: number): string {
  if (minutes % (24 * 60) === 0) {
    const d = minutes / (24 * 60);
    return `${d} day${d === 1 ? '' : 's'} before`;
  }
  if (minutes % 60 === 0) {
    const h = minutes / 60;
    return `${h} hour${h === 1 ? '' : 's'} before`;
  }
  if (minutes < 60) return `${minutes} minutes before`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min before`;
}
