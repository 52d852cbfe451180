// Call, then record: the one Twilio call a claim allows, and the write of what
// Twilio answered, guarded on the claim token so a run that lost its claim
// records nothing.
import 'server-only';

import { randomUUID } from 'node:crypto';

import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
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
  const early = Prisma.sql`("earlySid" = ${accepted.sid} AND "earlyStatusRank" > ${rank} AND NOT ${failedAtOnce})`;
  const earlyFailure = Prisma.sql`(${early} AND "earlyStatus" IN ('FAILED', 'UNDELIVERED'))`;
  const earlyDelivered = Prisma.sql`(${early} AND "earlyStatus" IN ('DELIVERED', 'READ'))`;
  // One statement (so one atomic step and one round trip): the message, guarded on our claim token;
  // the reminder; its timeline. Nothing is written if another run has taken the claim over.
  const [result] = await db().$queryRaw<
    { recorded: number; status: string | null; errorCode: number | null; early: boolean | null }[]
  >`
    WITH m AS (
      UPDATE "ReminderMessage"
      SET "status" = CASE WHEN ${early} THEN "earlyStatus" ELSE ${status}::"ReminderMessageStatus" END,
          "statusRank" = CASE WHEN ${early} THEN "earlyStatusRank" ELSE ${rank} END,
          "errorCode" = CASE WHEN ${earlyFailure} THEN "earlyErrorCode" ELSE ${accepted.errorCode}::int END,
          "failedAt" = CASE WHEN ${earlyFailure} THEN "earlyStatusAt" WHEN ${failedAtOnce} THEN ${now} END,
          "deliveredAt" = CASE WHEN ${earlyDelivered} THEN "earlyStatusAt" ELSE "deliveredAt" END,
          "twilioSid" = ${accepted.sid}, "acceptedAt" = ${now}, "segments" = ${accepted.segments},
          "updatedAt" = ${now}
      WHERE "id" = ${claim.id} AND "claimToken" = ${claim.token}
      RETURNING "reminderId", "channel", "status"::text AS "status", "errorCode",
                "status" IN ('FAILED', 'UNDELIVERED') AS "failed", "status" IN ('DELIVERED', 'READ') AS "delivered",
                "status"::text <> ${status} AS "early"
    ), r AS (
      -- WhatsApp failed: SENDING while its SMS fallback goes (this run goes on to it at once).
      -- SMS failed: left for this run to finish with its reason.
      UPDATE "Reminder" AS rem
      SET "status" = (CASE WHEN m."failed" THEN 'SENDING' WHEN m."delivered" THEN 'DELIVERED' ELSE 'SENT' END)::"ReminderStatus",
          "sentAt" = CASE WHEN m."failed" THEN rem."sentAt" ELSE ${now} END,
          "deliveredAt" = CASE WHEN m."delivered" THEN ${now} ELSE rem."deliveredAt" END,
          "reason" = NULL, "errorCode" = CASE WHEN m."failed" THEN m."errorCode" END, "updatedAt" = ${now}
      FROM m
      WHERE rem."id" = m."reminderId" AND rem."status" IN ('SCHEDULED', 'SENDING')
        AND NOT (m."failed" AND m."channel" = 'SMS')
      RETURNING rem."id"
    ), e AS (
      INSERT INTO "ReminderEvent" ("id", "reminderId", "at", "type", "channel", "errorCode")
      SELECT ${randomUUID()}, "reminderId", ${now}::timestamp(3), ${failedAtOnce ? 'SEND_REFUSED' : 'SENT'}::text,
             ${claim.channel}::"MessageChannel", ${failedAtOnce ? accepted.errorCode : null}::int
      FROM m
      UNION ALL
      -- The held callback's own entry, just after "sent" so the timeline reads in order.
      SELECT ${randomUUID()}, "reminderId", ${now}::timestamp(3) + interval '1 millisecond', "status",
             ${claim.channel}::"MessageChannel", CASE WHEN "failed" THEN "errorCode" END
      FROM m WHERE "early" AND ("failed" OR "delivered")
      RETURNING "id"
    )
    SELECT (SELECT count(*) FROM m)::int AS "recorded", (SELECT count(*) FROM r)::int AS "reminders",
           (SELECT count(*) FROM e)::int AS "events", (SELECT "status" FROM m) AS "status",
           (SELECT "errorCode" FROM m) AS "errorCode", (SELECT "early" FROM m) AS "early"`;
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
