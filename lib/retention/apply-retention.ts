// Deletes or anonymises what is past its limit (retention-policy.ts). Each
// statement touches at most `batchSize` rows, picked by primary key, and the
// loop repeats it until a statement finds fewer: no table is locked for long,
// and a run stopped half way is simply finished by the next. Every condition
// excludes rows already done, so a second run changes nothing.
import 'server-only';

import { recordAudit } from '@/lib/audit/record-audit';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { log } from '@/lib/log/logger';

import { type RetentionRuleName, retentionLimits as L, retentionRules } from './retention-policy';

export const DEFAULT_RETENTION_BATCH = 5_000;

export type RetentionResult = {
  /** Rows deleted or anonymised, per rule. */
  counts: Record<RetentionRuleName, number>;
  /** Statements run, per rule (at least one each). */
  statements: Record<RetentionRuleName, number>;
};

type Db = Pick<ReturnType<typeof db>, '$executeRaw' | 'auditLog'>;

const DAY_MS = 24 * 60 * 60 * 1000;
const ts = (d: Date) => Prisma.sql`${d}::timestamp(3)`;

function yearsBefore(now: Date, years: number): Date {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
}
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);
/** A birth date on or before this makes the person at least `age` today (UTC calendar). */
const bornBy = (now: Date, age: number) => yearsBefore(now, age).toISOString().slice(0, 10);

function statementsFor(now: Date, n: number): Record<RetentionRuleName, Prisma.Sql> {
  const records = ts(yearsBefore(now, L.appointmentYears));
  const adult = Prisma.sql`${bornBy(now, L.minorUntilAge)}::date`;
  const content = ts(yearsBefore(now, L.messageContentYears));
  const events = ts(daysBefore(now, L.eventDays));
  const operational = ts(yearsBefore(now, L.operationalYears));
  const sessions = ts(daysBefore(now, L.sessionDaysAfterEnd));
  const links = ts(daysBefore(now, L.passwordLinkDaysAfterEnd));
  const buckets = ts(daysBefore(now, L.rateLimitDays));
  const at = ts(now);
  return {
    // Cascades to the appointment's reminders, messages, video session, rooms and links.
    appointments: Prisma.sql`
      DELETE FROM "Appointment" WHERE "id" IN (
        SELECT a."id" FROM "Appointment" a JOIN "Patient" p ON p."id" = a."patientId"
        WHERE a."startsAt" < ${records} AND (p."dateOfBirth" IS NULL OR p."dateOfBirth" <= ${adult})
        LIMIT ${n})`,
    patients: Prisma.sql`
      DELETE FROM "Patient" WHERE "id" IN (
        SELECT p."id" FROM "Patient" p
        WHERE p."createdAt" < ${records} AND (p."dateOfBirth" IS NULL OR p."dateOfBirth" <= ${adult})
          AND NOT EXISTS (SELECT 1 FROM "Appointment" a WHERE a."patientId" = p."id")
        LIMIT ${n})`,
    auditEntries: Prisma.sql`
      DELETE FROM "AuditLog" WHERE "id" IN (
        SELECT "id" FROM "AuditLog" WHERE "at" < ${records} LIMIT ${n})`,
    // Keeps channel, status, segments, SIDs and times: the costs page and billing history.
    reminderMessageRecipients: Prisma.sql`
      UPDATE "ReminderMessage" SET "toAddress" = '', "bodyHash" = NULL WHERE "id" IN (
        SELECT "id" FROM "ReminderMessage"
        WHERE "claimedAt" < ${content} AND ("toAddress" <> '' OR "bodyHash" IS NOT NULL)
        LIMIT ${n})`,
    inboundReplyContent: Prisma.sql`
      UPDATE "InboundReply" SET "fromAddress" = '', "body" = '', "keyword" = NULL WHERE "id" IN (
        SELECT "id" FROM "InboundReply"
        WHERE "receivedAt" < ${content} AND ("fromAddress" <> '' OR "body" <> '' OR "keyword" IS NOT NULL)
        LIMIT ${n})`,
    statusEvents: Prisma.sql`
      DELETE FROM "MessageStatusEvent" WHERE "id" IN (
        SELECT "id" FROM "MessageStatusEvent" WHERE "receivedAt" < ${events} LIMIT ${n})`,
    roomEvents: Prisma.sql`
      DELETE FROM "VideoRoomEvent" WHERE "id" IN (
        SELECT "id" FROM "VideoRoomEvent" WHERE "receivedAt" < ${events} LIMIT ${n})`,
    readinessTestEvents: Prisma.sql`
      DELETE FROM "ReadinessTestEvent" WHERE "id" IN (
        SELECT "id" FROM "ReadinessTestEvent" WHERE "receivedAt" < ${events} LIMIT ${n})`,
    readinessTestRuns: Prisma.sql`
      DELETE FROM "ReadinessTestRun" WHERE "id" IN (
        SELECT "id" FROM "ReadinessTestRun" WHERE "startedAt" < ${operational} LIMIT ${n})`,
    waitingRoomMessages: Prisma.sql`
      DELETE FROM "WaitingRoomMessage" WHERE "id" IN (
        SELECT "id" FROM "WaitingRoomMessage" WHERE "createdAt" < ${operational} LIMIT ${n})`,
    waitingRoomReplies: Prisma.sql`
      DELETE FROM "WaitingRoomReply" WHERE "id" IN (
        SELECT "id" FROM "WaitingRoomReply" WHERE "createdAt" < ${operational} LIMIT ${n})`,
    authSessions: Prisma.sql`
      DELETE FROM "AuthSession" WHERE "id" IN (
        SELECT "id" FROM "AuthSession"
        WHERE "expiresAt" < ${sessions} OR "revokedAt" < ${sessions} LIMIT ${n})`,
    rateLimitBuckets: Prisma.sql`
      DELETE FROM "RateLimitBucket" WHERE "key" IN (
        SELECT "key" FROM "RateLimitBucket"
        WHERE "updatedAt" < ${buckets} AND "windowEndsAt" < ${at}
          AND ("blockedUntil" IS NULL OR "blockedUntil" < ${at})
        LIMIT ${n})`,
    passwordLinks: Prisma.sql`
      DELETE FROM "PasswordLink" WHERE "id" IN (
        SELECT "id" FROM "PasswordLink"
        WHERE "expiresAt" < ${links} OR "usedAt" < ${links} OR "revokedAt" < ${links} LIMIT ${n})`,
  };
}

export async function applyRetention(
  options: { now?: Date; batchSize?: number; store?: Db } = {},
): Promise<RetentionResult> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? DEFAULT_RETENTION_BATCH;
  const store = options.store ?? db();
  const sql = statementsFor(now, batchSize);
  const counts = {} as RetentionResult['counts'];
  const statements = {} as RetentionResult['statements'];
  // In policy order: appointments before patients, so a patient goes once their last appointment has.
  for (const { name } of retentionRules) {
    counts[name] = 0;
    statements[name] = 0;
    for (;;) {
      const changed = await store.$executeRaw(sql[name]);
      counts[name] += changed;
      statements[name] += 1;
      if (changed < batchSize) break;
    }
  }
  // Counts only: nothing here names a person.
  log.info('retention.applied', { ...counts });
  await recordAudit(
    { actor: null, action: 'DELETE', entityType: 'Retention', detail: { counts, at: now.toISOString() } },
    store,
  );
  return { counts, statements };
}
