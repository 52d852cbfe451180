// A status callback from Twilio for a message we sent: stored once (Twilio
// retries callbacks, and may send the same one twice), then applied to the
// message only if it moves it forward (lib/messaging/message-status.ts). A
// callback for a SID we have not recorded yet is kept and applied when the
// sender records the SID; one carrying the claim id of an abandoned claim (its
// worker died after Twilio accepted the message) attaches the SID to it.
import 'server-only';

import { randomUUID } from 'node:crypto';

import { z } from 'zod';

import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import {
  applyMessageStatus,
  statusTargetSelect,
  type StatusTarget,
} from '@/lib/reminders/apply-message-status';
import { SETTLE_MS } from '@/lib/reminders/claim-timing';

import { statusRank } from './message-status';

export const statusCallbackSchema = z.object({
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/),
  MessageStatus: z.string().trim().toLowerCase().min(1).max(32),
  ErrorCode: z
    .string()
    .regex(/^\d{1,6}$/)
    .optional()
    .transform((v) => (v ? Number(v) : null)),
  To: z.string().max(64).optional(),
});

export type RecordStatusResult = 'DUPLICATE' | 'APPLIED' | 'NOT_ADVANCED' | 'UNKNOWN_MESSAGE';

export async function recordMessageStatus(
  params: Record<string, string>,
  claimId: string | null = null,
  now: Date = new Date(),
): Promise<RecordStatusResult> {
  const parsed = statusCallbackSchema.safeParse(params);
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'Not a message status callback.');
  const { MessageSid: sid, MessageStatus: status, ErrorCode: errorCode, To: to } = parsed.data;

  // Store it once and find its message in one round trip: callbacks come two or three per message.
  const [found] = await db().$queryRaw<({ stored: number } & Partial<StatusTarget>)[]>`
    WITH ins AS (
      INSERT INTO "MessageStatusEvent" ("id", "dedupeKey", "messageSid", "status", "errorCode", "receivedAt")
      VALUES (${randomUUID()}, ${`${sid}:${status}`}, ${sid}, ${status}, ${errorCode}::int, ${now})
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM ins)::int AS "stored", m."id", m."reminderId", m."channel"::text AS "channel",
           m."status"::text AS "status", m."statusRank", m."toAddress"
    FROM (SELECT 1) AS one LEFT JOIN "ReminderMessage" m ON m."twilioSid" = ${sid}`;
  if (!found || found.stored === 0) return 'DUPLICATE';

  let row: StatusTarget | null = found.id ? (found as StatusTarget) : null;
  if (!row && claimId && to) row = await adoptAbandonedClaim(claimId, sid, to, now);
  if (!row) return 'UNKNOWN_MESSAGE';
  return (await applyMessageStatus(row, status, errorCode, now)) ? 'APPLIED' : 'NOT_ADVANCED';
}

/**
 * Only a claim older than the settle window: a live sender records its own SID
 * (and applies this stored callback then). The new claim token stops a sender
 * that was merely slow from recording anything afterwards.
 */
async function adoptAbandonedClaim(claimId: string, sid: string, to: string, now: Date) {
  // Adopted at "queued"; the callback's own status is then applied as usual.
  const { count } = await db().reminderMessage.updateMany({
    where: {
      id: claimId,
      twilioSid: null,
      toAddress: to,
      status: { in: ['CLAIMED', 'UNCERTAIN'] },
      claimedAt: { lt: new Date(now.getTime() - SETTLE_MS) },
    },
    data: {
      twilioSid: sid,
      claimToken: randomUUID(),
      status: 'QUEUED',
      statusRank: statusRank.QUEUED,
      acceptedAt: now,
    },
  });
  if (count !== 1) return null;
  const row = await db().reminderMessage.findUniqueOrThrow({
    where: { id: claimId },
    select: statusTargetSelect,
  });
  await db().$transaction([
    db().reminder.updateMany({
      where: { id: row.reminderId, status: { in: ['SCHEDULED', 'SENDING'] } },
      data: { status: 'SENT', sentAt: now },
    }),
    db().reminderEvent.create({
      data: { reminderId: row.reminderId, type: 'RECONCILED', channel: row.channel, at: now },
    }),
  ]);
  return row;
}
