// A status Twilio reported for one of our messages, applied once and only
// forwards, then followed through on its reminder:
//   delivered/read        → the reminder is DELIVERED;
//   WhatsApp failed       → the reminder goes back to SENDING and its send job
//                           runs at once, which falls back to SMS (exactly once:
//                           the SMS claim is unique per reminder);
//   SMS failed            → the reminder FAILED, with Twilio's code;
//   error 21610           → the number had opted out at Twilio: recorded on the patient.
// Shared by the status callback, the sweeps (a status held on a claim whose
// worker died; statuses fetched when callbacks were missed) and the adoption of
// a message found at Twilio. A status that beats the sender's SID write is
// applied by that write itself (send-reminder.ts), in the same statement.
import 'server-only';

import { randomUUID } from 'node:crypto';

import { db } from '@/lib/db/client';
import type { MessageChannel } from '@/lib/db/generated/enums';
import { applyMessageStatusQuery, storedStatusesQuery } from '@/lib/db/queries/reminder-status';
import { runQuery } from '@/lib/db/queries/run-query';
import { errorFields, log } from '@/lib/log/logger';
import { canAdvance, isFailureStatus, statusRank, trackedStatusOf } from '@/lib/reminders/status/message-status';
import { recordOptOut } from '@/lib/reminders/replies/record-opt-out';

import { enqueueReminder } from '../scheduling/enqueue-reminder';
import { REMINDER_PRIORITY } from '../../jobs/reminder-queues';

export interface StatusTarget {
  id: string;
  reminderId: string;
  channel: MessageChannel;
  status: string;
  statusRank: number;
  toAddress: string;
}

export const statusTargetSelect = {
  id: true,
  reminderId: true,
  channel: true,
  status: true,
  statusRank: true,
  toAddress: true,
} as const;

/** Returns true when the status moved the message forward. */
export async function applyMessageStatus(
  row: StatusTarget,
  twilioStatus: string,
  errorCode: number | null,
  at: Date = new Date(),
): Promise<boolean> {
  const next = trackedStatusOf(twilioStatus);
  if (!next || !canAdvance(row, next)) return false;
  const failure = isFailureStatus(next);
  const delivered = next === 'DELIVERED' || (next === 'READ' && row.statusRank < statusRank.DELIVERED);
  const logged = delivered || next === 'READ' || failure;
  const code = failure ? errorCode : null;
  // The reminder follows: delivered; or, after a failure, back to SENDING for the SMS fallback
  // (WhatsApp) or FAILED (SMS). Only from SENDING/SENT: a cancelled reminder stays cancelled.
  const reminderStatus = delivered
    ? 'DELIVERED'
    : failure
      ? row.channel === 'WHATSAPP'
        ? 'SENDING'
        : 'FAILED'
      : null;
  // One statement, one round trip: status callbacks arrive in bursts and each one runs this. The
  // message update's condition is the guard against races (two callbacks cannot both move it), and
  // the timeline and reminder only change when it did.
  const [result] = await runQuery(db(), applyMessageStatusQuery, [
    next,
    statusRank[next],
    failure,
    code,
    at,
    delivered,
    row.id,
    randomUUID(),
    logged,
    row.channel,
    reminderStatus,
    reminderStatus !== null,
  ]);
  if (!result || result.applied === 0) return false;
  if (!failure) return true;

  if (errorCode === 21610) {
    await recordOptOut({
      e164: row.toAddress.replace(/^whatsapp:/, ''),
      channel: row.channel,
      optedOut: true,
      source: 'TWILIO_21610',
    });
  }
  if (row.channel === 'WHATSAPP' && result.reminders === 1) {
    try {
      await enqueueReminder(row.reminderId, at, REMINDER_PRIORITY.fallback);
    } catch (err) {
      // The sweep finds reminders left in SENDING and enqueues them.
      log.error('reminders.fallback_enqueue_failed', { reminderId: row.reminderId, ...errorFields(err) });
    }
  }
  return true;
}

/** Statuses stored for a SID before we knew which message it was (applied when a lost message is adopted). */
export async function applyStoredStatuses(row: StatusTarget, sid: string): Promise<void> {
  // Raw: this runs after every send, and almost always finds nothing.
  const stored = await runQuery(db(), storedStatusesQuery, [sid]);
  let current = row;
  for (const event of stored) {
    const next = trackedStatusOf(event.status);
    if (!next) continue;
    if (await applyMessageStatus(current, event.status, event.errorCode, event.receivedAt)) {
      current = { ...current, status: next, statusRank: statusRank[next] };
    }
  }
}
