// What a failed Twilio call means for the claim: a 429 is retried later, a
// definite refusal fails the channel, anything else leaves the outcome unknown
// until it is looked up at Twilio (reconcile-send.ts).
import 'server-only';

import { db } from '@/lib/db/client';
import { log } from '@/lib/log/logger';
import { statusRank } from '@/lib/reminders/status/message-status';
import { recordOptOut } from '@/lib/reminders/replies/record-opt-out';
import type { TwilioError } from '@/lib/twilio/errors';

import { RetryReminderLater, type ChannelResult, type HeldClaim, type SendContext } from './send-context';

/** Twilio's 21610: the patient has sent STOP to this sender, so the channel is opted out. */
export async function recordStopped(claim: HeldClaim, errorCode: number | null): Promise<void> {
  if (errorCode !== 21610) return;
  await recordOptOut({
    e164: claim.to.replace(/^whatsapp:/, ''),
    channel: claim.channel,
    optedOut: true,
    source: 'TWILIO_21610',
  });
}

export async function handleSendError(
  ctx: SendContext,
  claim: HeldClaim,
  err: TwilioError,
): Promise<ChannelResult> {
  const reminderId = ctx.reminder.id;
  const fields = {
    reminderId,
    channel: claim.channel,
    errorCode: err.code ?? undefined,
    status: err.status ?? undefined,
    kind: err.kind,
  };

  if (err.kind === 'rest' && err.status === 429) {
    // Refused before Twilio did anything: nothing was created, so it may simply be sent again later.
    log.warn('reminders.rate_limited', fields);
    await markRetrying(reminderId, claim, 'RETRY', err.code, 'RATE_LIMITED');
    throw new RetryReminderLater('Twilio is rate-limiting; trying again with backoff.', err.code);
  }

  if (err.kind === 'rest' && !err.retryable) {
    // A definite refusal: no message exists. Recorded with Twilio's code; the next channel is tried.
    log.info('reminders.send_refused', fields);
    const now = new Date();
    await db().$transaction([
      db().reminderMessage.updateMany({
        where: { id: claim.id, claimToken: claim.token },
        data: { status: 'FAILED', statusRank: statusRank.FAILED, errorCode: err.code, failedAt: now },
      }),
      db().reminderEvent.create({
        data: { reminderId, type: 'SEND_REFUSED', channel: claim.channel, errorCode: err.code, at: now },
      }),
    ]);
    await recordStopped(claim, err.code);
    return { kind: 'failed', errorCode: err.code };
  }

  // Timeout, 5xx, dropped connection: Twilio may or may not have created it. Look it up before any new call.
  log.warn('reminders.send_uncertain', fields);
  const detail = err.kind === 'timeout' ? 'TIMEOUT' : err.kind === 'rest' ? 'TWILIO_ERROR' : 'NETWORK';
  await markRetrying(reminderId, claim, 'UNCERTAIN', err.code, detail);
  throw new RetryReminderLater(
    'The outcome of the send is unknown; it will be looked up at Twilio.',
    err.code,
  );
}

/** The claim waits (RETRY or UNCERTAIN), the reminder is SENDING, and the timeline says why. */
async function markRetrying(
  reminderId: string,
  claim: HeldClaim,
  status: 'RETRY' | 'UNCERTAIN',
  errorCode: number | null,
  detail: string,
): Promise<void> {
  await db().$transaction([
    db().reminderMessage.updateMany({
      where: { id: claim.id, claimToken: claim.token },
      data: { status, errorCode },
    }),
    db().reminder.updateMany({ where: { id: reminderId, status: 'SCHEDULED' }, data: { status: 'SENDING' } }),
    db().reminderEvent.create({
      data: { reminderId, type: 'RETRYING', channel: claim.channel, errorCode, detail },
    }),
  ]);
}
