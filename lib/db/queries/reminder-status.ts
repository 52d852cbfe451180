// Message statuses from Twilio (lib/reminders/status): stored once, held on a
// claim that has no SID yet, and applied to the message, its reminder and the
// timeline. Status callbacks arrive in bursts, so each is one round trip.
import 'server-only';

import type { MessageStatusEvent, ReminderMessage } from '@/lib/db/generated/client';

import { defineQuery, defineStatement } from './define-query';

type Nullable<T> = { [K in keyof T]: T[K] | null };

/** The message a status is for; every field null when no message has the SID. */
export type StoredStatusRow = { stored: number } & Nullable<
  Pick<ReminderMessage, 'id' | 'reminderId' | 'channel' | 'status' | 'statusRank' | 'toAddress'>
>;

/**
 * $1 event id, $2 dedupe key, $3 SID, $4 status, $5 error code, $6 now: stores
 * the callback once ("stored" 0 for a repeat) and finds its message.
 */
export const recordStatusEventQuery = defineQuery<StoredStatusRow>(
  'record-message-status-event',
  `
    WITH ins AS (
      INSERT INTO "MessageStatusEvent" ("id", "dedupeKey", "messageSid", "status", "errorCode", "receivedAt")
      VALUES ($1, $2, $3, $4, $5::int, $6)
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM ins)::int AS "stored", m."id", m."reminderId", m."channel"::text AS "channel",
           m."status"::text AS "status", m."statusRank", m."toAddress"
    FROM (SELECT 1) AS one LEFT JOIN "ReminderMessage" m ON m."twilioSid" = $3`,
  {
    stored: 'int4',
    id: 'text',
    reminderId: 'text',
    channel: 'text',
    status: 'text',
    statusRank: 'int4',
    toAddress: 'text',
  },
);

// Whether the status already held is to stay: $1 SID, $2 the new status's rank.
const KEEP = `("earlySid" = $1 AND ("earlyStatus" IN ('FAILED', 'UNDELIVERED') OR "earlyStatusRank" >= $2))`;

/**
 * $1 SID, $2 rank, $3 status, $4 error code, $5 now, $6 claim id, $7 the
 * callback's To (or null): holds the status on a claim with no SID yet, unless
 * the one held is final or further on.
 */
export const holdEarlyStatusStatement = defineStatement(
  'hold-early-status',
  `
    UPDATE "ReminderMessage"
    SET "earlySid" = $1,
        "earlyStatus" = CASE WHEN ${KEEP} THEN "earlyStatus" ELSE $3::"ReminderMessageStatus" END,
        "earlyStatusRank" = CASE WHEN ${KEEP} THEN "earlyStatusRank" ELSE $2 END,
        "earlyErrorCode" = CASE WHEN ${KEEP} THEN "earlyErrorCode" ELSE $4::int END,
        "earlyStatusAt" = CASE WHEN ${KEEP} THEN "earlyStatusAt" ELSE $5 END
    WHERE "id" = $6 AND "twilioSid" IS NULL AND "status" IN ('CLAIMED', 'UNCERTAIN')
      AND ($7::text IS NULL OR "toAddress" = $7::text)`,
);

export type AppliedStatusRow = { applied: number; reminders: number; events: number };

/**
 * $1 status, $2 its rank, $3 is a failure, $4 error code, $5 at, $6 delivered,
 * $7 message id, $8 timeline entry id, $9 logged on the timeline, $10 channel,
 * $11 the reminder's new status (or null), $12 whether there is one: moves the
 * message forward only, and its timeline and reminder with it. ($1 is cast to
 * text for the timeline, whose type column is text.)
 */
export const applyMessageStatusQuery = defineQuery<AppliedStatusRow>(
  'apply-message-status',
  `
    WITH m AS (
      UPDATE "ReminderMessage"
      SET "status" = $1::"ReminderMessageStatus", "statusRank" = $2,
          "errorCode" = CASE WHEN $3 THEN $4::int ELSE "errorCode" END,
          "failedAt" = CASE WHEN $3 THEN $5 ELSE "failedAt" END,
          "deliveredAt" = CASE WHEN $6 THEN $5 ELSE "deliveredAt" END,
          "updatedAt" = $5
      WHERE "id" = $7 AND "statusRank" < $2 AND "status" NOT IN ('FAILED', 'UNDELIVERED')
      RETURNING "reminderId"
    ), e AS (
      INSERT INTO "ReminderEvent" ("id", "reminderId", "at", "type", "channel", "errorCode")
      SELECT $8, "reminderId", $5, $1::text, $10::"MessageChannel", $4::int
      FROM m WHERE $9
      RETURNING "id"
    ), r AS (
      UPDATE "Reminder"
      SET "status" = $11::"ReminderStatus",
          "deliveredAt" = CASE WHEN $6 THEN $5 ELSE "deliveredAt" END,
          "reason" = CASE WHEN $11 = 'FAILED' THEN 'SEND_FAILED' ELSE "reason" END,
          "errorCode" = CASE WHEN $3 THEN $4::int ELSE "errorCode" END,
          "updatedAt" = $5
      WHERE $12 AND "id" IN (SELECT "reminderId" FROM m) AND "status" IN ('SENDING', 'SENT')
      RETURNING "id"
    )
    SELECT (SELECT count(*) FROM m)::int AS "applied", (SELECT count(*) FROM r)::int AS "reminders",
           (SELECT count(*) FROM e)::int AS "events"`,
  { applied: 'int4', reminders: 'int4', events: 'int4' },
);

export type StatusEventRow = Pick<MessageStatusEvent, 'status' | 'errorCode' | 'receivedAt'>;

/** $1 SID: statuses stored before we knew which message it was, oldest first. */
export const storedStatusesQuery = defineQuery<StatusEventRow>(
  'stored-message-statuses',
  `
    SELECT "status", "errorCode", "receivedAt" FROM "MessageStatusEvent"
    WHERE "messageSid" = $1 ORDER BY "receivedAt" ASC`,
  { status: 'text', errorCode: 'int4', receivedAt: 'timestamp' },
);
