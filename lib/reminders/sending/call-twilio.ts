// Call, then record: the one Twilio call a claim allows, and the write of what
// Twilio answered, guarded on the claim token so a run that lost its claim
// records nothing.
import 'server-only';

import { randomUUID } from 'node:crypto';

import { db } from '@/lib/db/client';
import { recordSendQuery } from '@/lib/db/queries/reminder-sending';
import { runQuery } from '@/lib/db/queries/run-query';
import { log } from '@/lib/log/logger';
import { isFailureStatus, statusRank, trackedStatusOf } from '@/lib/reminders/status/message-status';
import { assertTrialCanMessage } from '@/lib/readiness/assert-trial-can-message';
import { isTrialRecipientError, type TrialRecipientError } from '@/lib/readiness/trial-recipient-error';
import { describeTwilioCode, toTwilioError, TwilioError } from '@/lib/twilio/errors';
import type { AcceptedMessage, OutboundMessage } from '@/lib/twilio/send-message';

import { handleSendError, recordStopped } from './handle-send-error';
import type { ChannelResult, HeldClaim, SendContext } from './send-context';

export async function callTwilio(
  ctx: SendContext,
  claim: HeldClaim,
  message: OutboundMessage,
): Promise<ChannelResult> {
  let accepted: AcceptedMessage;
  try {
    // A trial account may only message verified numbers: refused here, as Twilio would (21608), with no call.
    await assertTrialCanMessage(claim.to, { client: ctx.client ? () => ctx.client! : undefined });
    accepted = await ctx.send(message, ctx.client);
  } catch (err) {
    return handleSendError(ctx, claim, isTrialRecipientError(err) ? trialRefusal(err) : toTwilioError(err));
  }
  const status = trackedStatusOf(accepted.status) ?? 'QUEUED';
  const rank = statusRank[status];
  const failedAtOnce = isFailureStatus(status);
  const now = new Date();
  // A status callback that beat this write (a fast WhatsApp failure, say) is held on the claim row
  // (lib/reminders/status/record-message-status.ts) and applied here, in the same statement. The SET reads
  // the row as updated (PostgreSQL re-reads a row a concurrent callback changed before it locks it),
  // so no callback can fall between the two; a crash leaves either both written or neither.
  //
  // One statement (so one atomic step and one round trip): the message, guarded on our claim token;
  // the reminder; its timeline. Nothing is written if another run has taken the claim over.
  const [result] = await runQuery(db(), recordSendQuery, [
    accepted.sid,
    rank,
    failedAtOnce,
    status,
    accepted.errorCode,
    now,
    accepted.segments,
    claim.id,
    claim.token,
    randomUUID(),
    randomUUID(),
    failedAtOnce ? 'SEND_REFUSED' : 'SENT',
    claim.channel,
    failedAtOnce ? accepted.errorCode : null,
  ]);
  const recorded = (result?.recorded ?? 0) === 1;
  if (!recorded) {
    // Our claim went stale and another run took it over; it owns the outcome now.
    log.warn('reminders.claim_lost', { reminderId: ctx.reminder.id, channel: claim.channel });
    return { kind: 'busy' };
  }
  if (!result?.early || !result.status || !isFailureStatus(result.status)) {
    return failedAtOnce ? { kind: 'failed', errorCode: accepted.errorCode } : { kind: 'accepted' };
  }
  // A failure held from an early callback: for WhatsApp the loop goes straight on to the SMS fallback.
  log.info('reminders.early_status_applied', { reminderId: ctx.reminder.id, channel: claim.channel });
  await recordStopped(claim, result.errorCode);
  return { kind: 'failed', errorCode: result.errorCode };
}

/** The trial guard's refusal as the REST error Twilio would have answered: permanent, code 21608. */
function trialRefusal(err: TrialRecipientError): TwilioError {
  return new TwilioError('rest', err.twilioCode, 400, describeTwilioCode(err.twilioCode), null, false);
}
