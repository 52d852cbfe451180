// The reminder sender's statements (lib/reminders/sending): its load of a
// reminder, the claim that makes a send at most once, and the write of what
// Twilio answered (decision 005). The load runs once per message sent, so it is
// a prepared statement (decision 008); the writes run through Prisma.
import 'server-only';

import type { Appointment, Patient, Reminder, ReminderMessage } from '@/lib/db/generated/client';

import { definePreparedQuery, defineQuery, defineStatement } from './define-query';

/** A channel attempt as the load returns it, in JSON: its claim time as ISO text. */
export type LoadedMessageJson = Pick<
  ReminderMessage,
  | 'id'
  | 'channel'
  | 'status'
  | 'statusRank'
  | 'claimToken'
  | 'toAddress'
  | 'fromAddress'
  | 'bodyHash'
  | 'errorCode'
> & { claimedAt: string };

export type LoadedReminderRow = Pick<
  Reminder,
  'id' | 'status' | 'source' | 'dueAt' | 'noticeKind' | 'noticeStartsAt'
> &
  Pick<Appointment, 'startsAt' | 'endsAt' | 'kind'> & {
    appointmentId: Appointment['id'];
    appointmentStatus: Appointment['status'];
  } & Pick<
    Patient,
    | 'clinicId'
    | 'mobile'
    | 'timezone'
    | 'preferredChannel'
    | 'messagingConsentAt'
    | 'whatsappConsent'
    | 'whatsappOptOutAt'
    | 'smsOptOutAt'
  > & { messages: LoadedMessageJson[] };

const LOAD_REMINDER_SQL = `
    SELECT r."id", r."status"::text AS "status", r."source"::text AS "source", r."dueAt" AT TIME ZONE 'UTC' AS "dueAt",
           r."noticeKind"::text AS "noticeKind", r."noticeStartsAt" AT TIME ZONE 'UTC' AS "noticeStartsAt",
           a."id" AS "appointmentId", a."status"::text AS "appointmentStatus",
           a."startsAt" AT TIME ZONE 'UTC' AS "startsAt", a."endsAt" AT TIME ZONE 'UTC' AS "endsAt",
           a."kind"::text AS "kind",
           p."clinicId", p."mobile", p."timezone", p."preferredChannel"::text AS "preferredChannel",
           p."messagingConsentAt" AT TIME ZONE 'UTC' AS "messagingConsentAt", p."whatsappConsent",
           p."whatsappOptOutAt" AT TIME ZONE 'UTC' AS "whatsappOptOutAt",
           p."smsOptOutAt" AT TIME ZONE 'UTC' AS "smsOptOutAt",
           COALESCE((
             SELECT json_agg(json_build_object(
               'id', m."id", 'channel', m."channel", 'status', m."status", 'statusRank', m."statusRank",
               'claimToken', m."claimToken", 'claimedAt', to_char(m."claimedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'toAddress', m."toAddress", 'fromAddress', m."fromAddress", 'bodyHash', m."bodyHash",
               'errorCode', m."errorCode"))
             FROM "ReminderMessage" m WHERE m."reminderId" = r."id"), '[]'::json) AS "messages"
    FROM "Reminder" r
    JOIN "Appointment" a ON a."id" = r."appointmentId"
    JOIN "Patient" p ON p."id" = a."patientId"
    WHERE r."id" = $1`;

/** $1 reminder id: the reminder, its appointment, the patient's contact settings and the channel attempts. */
export const loadReminderQuery = definePreparedQuery<LoadedReminderRow>(
  'load-reminder-v2',
  LOAD_REMINDER_SQL,
  {
    id: 'text',
    status: 'text',
    source: 'text',
    dueAt: 'timestamptz',
    noticeKind: 'text',
    noticeStartsAt: 'timestamptz',
    appointmentId: 'text',
    appointmentStatus: 'text',
    startsAt: 'timestamptz',
    endsAt: 'timestamptz',
    kind: 'text',
    clinicId: 'text',
    mobile: 'text',
    timezone: 'text',
    preferredChannel: 'text',
    messagingConsentAt: 'timestamptz',
    whatsappConsent: 'bool',
    whatsappOptOutAt: 'timestamptz',
    smsOptOutAt: 'timestamptz',
    messages: 'json',
  },
);

// The claim row as both claims write it. Their shared parameters: $1 claim id, $2 reminder id,
// $3 channel, $4 whether it is the WhatsApp fallback, $5 fallback reason, $6 to, $7 from,
// $8 body hash, $9 claim token, $10 now.
const claimInsert = (reminderId: string) => `
    INSERT INTO "ReminderMessage"
      ("id", "reminderId", "channel", "status", "statusRank", "isFallback", "fallbackReason", "toAddress",
       "fromAddress", "bodyHash", "claimToken", "claimedAt", "attempts", "updatedAt")
    SELECT $1, ${reminderId}, $3::"MessageChannel", 'CLAIMED'::"ReminderMessageStatus", 0,
       $4, $5, $6, $7, $8, $9, $10, 1, $10`;

/** The claim parameters ($1–$10), only while the reminder and its appointment are still live. */
export const claimReminderMessage = defineStatement(
  'claim-reminder-message',
  `${claimInsert('$2')}
    WHERE EXISTS (
      SELECT 1 FROM "Reminder" r JOIN "Appointment" a ON a."id" = r."appointmentId"
      WHERE r."id" = $2 AND r."status" IN ('SCHEDULED', 'SENDING') AND a."status" IN ('BOOKED', 'CONFIRMED'))
    ON CONFLICT ("reminderId", "channel") DO NOTHING`,
);

/**
 * The claim parameters ($1–$10), then $11 notice kind and $12 the time it tells
 * of (ms): only while the notice still tells that; sets the reminder SENDING.
 */
export const claimChangeNoticeMessage = defineStatement(
  'claim-change-notice-message',
  `
    WITH r AS (
      UPDATE "Reminder" SET "status" = 'SENDING'::"ReminderStatus", "updatedAt" = $10
      WHERE "id" = $2 AND "status" IN ('SCHEDULED', 'SENDING')
        AND "noticeKind" = $11::"ChangeNoticeKind"
        AND round(extract(epoch FROM "noticeStartsAt") * 1000) = $12
      RETURNING "id"
    )${claimInsert('r."id"')}
    FROM r
    ON CONFLICT ("reminderId", "channel") DO NOTHING`,
);

export type RecordSendRow = {
  recorded: number;
  reminders: number;
  events: number;
  status: ReminderMessage['status'] | null;
  errorCode: ReminderMessage['errorCode'];
  early: boolean | null;
};

// A status callback held on the claim ($1 SID, $2 rank, $3 failed at once) that is further on.
const EARLY = `("earlySid" = $1 AND "earlyStatusRank" > $2 AND NOT $3)`;
const EARLY_FAILURE = `(${EARLY} AND "earlyStatus" IN ('FAILED', 'UNDELIVERED'))`;
const EARLY_DELIVERED = `(${EARLY} AND "earlyStatus" IN ('DELIVERED', 'READ'))`;

/**
 * What Twilio answered, guarded on the claim: $1 SID, $2 status rank, $3 failed
 * at once, $4 status, $5 error code, $6 now, $7 segments, $8 claim id, $9 claim
 * token, $10 and $11 the timeline entries' ids, $12 the entry type, $13 channel,
 * $14 the entry's error code. The message, the reminder and its timeline in one statement.
 */
export const recordSendQuery = defineQuery<RecordSendRow>(
  'record-send',
  `
    WITH m AS (
      UPDATE "ReminderMessage"
      SET "status" = CASE WHEN ${EARLY} THEN "earlyStatus" ELSE $4::"ReminderMessageStatus" END,
          "statusRank" = CASE WHEN ${EARLY} THEN "earlyStatusRank" ELSE $2 END,
          "errorCode" = CASE WHEN ${EARLY_FAILURE} THEN "earlyErrorCode" ELSE $5::int END,
          "failedAt" = CASE WHEN ${EARLY_FAILURE} THEN "earlyStatusAt" WHEN $3 THEN $6 END,
          "deliveredAt" = CASE WHEN ${EARLY_DELIVERED} THEN "earlyStatusAt" ELSE "deliveredAt" END,
          "twilioSid" = $1, "acceptedAt" = $6, "segments" = $7,
          "updatedAt" = $6
      WHERE "id" = $8 AND "claimToken" = $9
      RETURNING "reminderId", "channel", "status"::text AS "status", "errorCode",
                "status" IN ('FAILED', 'UNDELIVERED') AS "failed", "status" IN ('DELIVERED', 'READ') AS "delivered",
                "status"::text <> $4::text AS "early"
    ), r AS (
      -- WhatsApp failed: SENDING while its SMS fallback goes (this run goes on to it at once).
      -- SMS failed: left for this run to finish with its reason.
      UPDATE "Reminder" AS rem
      SET "status" = (CASE WHEN m."failed" THEN 'SENDING' WHEN m."delivered" THEN 'DELIVERED' ELSE 'SENT' END)::"ReminderStatus",
          "sentAt" = CASE WHEN m."failed" THEN rem."sentAt" ELSE $6 END,
          "deliveredAt" = CASE WHEN m."delivered" THEN $6 ELSE rem."deliveredAt" END,
          "reason" = NULL, "errorCode" = CASE WHEN m."failed" THEN m."errorCode" END, "updatedAt" = $6
      FROM m
      WHERE rem."id" = m."reminderId" AND rem."status" IN ('SCHEDULED', 'SENDING')
        AND NOT (m."failed" AND m."channel" = 'SMS')
      RETURNING rem."id"
    ), e AS (
      INSERT INTO "ReminderEvent" ("id", "reminderId", "at", "type", "channel", "errorCode")
      SELECT $10, "reminderId", $6::timestamp(3), $12::text,
             $13::"MessageChannel", $14::int
      FROM m
      UNION ALL
      -- The held callback's own entry, just after "sent" so the timeline reads in order.
      SELECT $11, "reminderId", $6::timestamp(3) + interval '1 millisecond', "status",
             $13::"MessageChannel", CASE WHEN "failed" THEN "errorCode" END
      FROM m WHERE "early" AND ("failed" OR "delivered")
      RETURNING "id"
    )
    SELECT (SELECT count(*) FROM m)::int AS "recorded", (SELECT count(*) FROM r)::int AS "reminders",
           (SELECT count(*) FROM e)::int AS "events", (SELECT "status" FROM m) AS "status",
           (SELECT "errorCode" FROM m) AS "errorCode", (SELECT "early" FROM m) AS "early"`,
  { recorded: 'int4', reminders: 'int4', events: 'int4', status: 'text', errorCode: 'int4', early: 'bool' },
);
