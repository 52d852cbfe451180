// The retention statements (lib/retention/apply-retention.ts). Each touches at
// most $last rows, picked by primary key, and excludes rows already done, so it
// can be repeated until it finds fewer. Cut-offs are timestamps (UTC).
import 'server-only';

import { defineStatement } from './define-query';

const receivedBefore = `"receivedAt" < $1::timestamp(3)`;
const createdBefore = `"createdAt" < $1::timestamp(3)`;

/** $1 cut-off, $2 batch: deletes up to $2 rows of `table` matching `where`. */
const batchDelete = (table: string, where: string) =>
  defineStatement(
    `retention-delete-${table}`,
    `
      DELETE FROM "${table}" WHERE "id" IN (
        SELECT "id" FROM "${table}" WHERE ${where} LIMIT $2)`,
  );

/** $1 records cut-off, $2 born on or before (a date: adults only), $3 batch. Cascades to reminders, video and links. */
export const deleteOldAppointments = defineStatement(
  'retention-appointments',
  `
      DELETE FROM "Appointment" WHERE "id" IN (
        SELECT a."id" FROM "Appointment" a JOIN "Patient" p ON p."id" = a."patientId"
        WHERE a."startsAt" < $1::timestamp(3) AND (p."dateOfBirth" IS NULL OR p."dateOfBirth" <= $2::date)
        LIMIT $3)`,
);

/** $1 records cut-off, $2 born on or before, $3 batch: patients with no appointment left. */
export const deleteOldPatients = defineStatement(
  'retention-patients',
  `
      DELETE FROM "Patient" WHERE "id" IN (
        SELECT p."id" FROM "Patient" p
        WHERE p."createdAt" < $1::timestamp(3) AND (p."dateOfBirth" IS NULL OR p."dateOfBirth" <= $2::date)
          AND NOT EXISTS (SELECT 1 FROM "Appointment" a WHERE a."patientId" = p."id")
        LIMIT $3)`,
);

export const deleteOldAuditEntries = batchDelete('AuditLog', `"at" < $1::timestamp(3)`);

/** $1 cut-off, $2 batch. Keeps channel, status, segments, SIDs and times: the costs page and billing history. */
export const anonymiseReminderMessageRecipients = defineStatement(
  'retention-reminder-message-recipients',
  `
      UPDATE "ReminderMessage" SET "toAddress" = '', "bodyHash" = NULL WHERE "id" IN (
        SELECT "id" FROM "ReminderMessage"
        WHERE "claimedAt" < $1::timestamp(3) AND ("toAddress" <> '' OR "bodyHash" IS NOT NULL)
        LIMIT $2)`,
);

/** $1 cut-off, $2 batch. */
export const anonymiseInboundReplyContent = defineStatement(
  'retention-inbound-reply-content',
  `
      UPDATE "InboundReply" SET "fromAddress" = '', "body" = '', "keyword" = NULL WHERE "id" IN (
        SELECT "id" FROM "InboundReply"
        WHERE "receivedAt" < $1::timestamp(3) AND ("fromAddress" <> '' OR "body" <> '' OR "keyword" IS NOT NULL)
        LIMIT $2)`,
);

export const deleteOldStatusEvents = batchDelete('MessageStatusEvent', receivedBefore);

export const deleteOldRoomEvents = batchDelete('VideoRoomEvent', receivedBefore);

export const deleteOldReadinessTestEvents = batchDelete('ReadinessTestEvent', receivedBefore);

export const deleteOldReadinessTestRuns = batchDelete('ReadinessTestRun', `"startedAt" < $1::timestamp(3)`);

export const deleteOldWaitingRoomMessages = batchDelete('WaitingRoomMessage', createdBefore);

export const deleteOldWaitingRoomReplies = batchDelete('WaitingRoomReply', createdBefore);

/** $1 cut-off (after expiry or revocation), $2 batch. */
export const deleteOldAuthSessions = batchDelete(
  'AuthSession',
  `"expiresAt" < $1::timestamp(3) OR "revokedAt" < $1::timestamp(3)`,
);

/** $1 last-touched cut-off, $2 now, $3 batch: buckets whose count and wait have run out. */
export const deleteOldRateLimitBuckets = defineStatement(
  'retention-rate-limit-buckets',
  `
      DELETE FROM "RateLimitBucket" WHERE "key" IN (
        SELECT "key" FROM "RateLimitBucket"
        WHERE "updatedAt" < $1::timestamp(3) AND "windowEndsAt" < $2::timestamp(3)
          AND ("blockedUntil" IS NULL OR "blockedUntil" < $2::timestamp(3))
        LIMIT $3)`,
);

/** $1 cut-off (after expiry, use or withdrawal), $2 batch. */
export const deleteOldPasswordLinks = batchDelete(
  'PasswordLink',
  `"expiresAt" < $1::timestamp(3) OR "usedAt" < $1::timestamp(3) OR "revokedAt" < $1::timestamp(3)`,
);
