// Deletes or anonymises what is past its limit (retention-policy.ts). Each
// statement touches at most `batchSize` rows, picked by primary key, and the
// loop repeats it until a statement finds fewer: no table is locked for long,
// and a run stopped half way is simply finished by the next. Every condition
// excludes rows already done, so a second run changes nothing.
import 'server-only';

import { recordAudit } from '@/lib/audit/record-audit';
import { db } from '@/lib/db/client';
import type { TypedStatement } from '@/lib/db/queries/define-query';
import {
  anonymiseInboundReplyContent,
  anonymiseReminderMessageRecipients,
  deleteOldAppointments,
  deleteOldAuditEntries,
  deleteOldAuthSessions,
  deleteOldPasswordLinks,
  deleteOldPatients,
  deleteOldRateLimitBuckets,
  deleteOldReadinessTestEvents,
  deleteOldReadinessTestRuns,
  deleteOldRoomEvents,
  deleteOldStatusEvents,
  deleteOldWaitingRoomMessages,
  deleteOldWaitingRoomReplies,
} from '@/lib/db/queries/retention';
import { runStatement } from '@/lib/db/queries/run-query';
import { log } from '@/lib/log/logger';

import { type RetentionRuleName, retentionLimits as L, retentionRules } from './retention-policy';

export const DEFAULT_RETENTION_BATCH = 5_000;

export type RetentionResult = {
  /** Rows deleted or anonymised, per rule. */
  counts: Record<RetentionRuleName, number>;
  /** Statements run, per rule (at least one each). */
  statements: Record<RetentionRuleName, number>;
};

type Db = Pick<ReturnType<typeof db>, '$executeRawUnsafe' | 'auditLog'>;

const DAY_MS = 24 * 60 * 60 * 1000;

function yearsBefore(now: Date, years: number): Date {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
}
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);
/** A birth date on or before this makes the person at least `age` today (UTC calendar). */
const bornBy = (now: Date, age: number) => yearsBefore(now, age).toISOString().slice(0, 10);

function statementsFor(now: Date, n: number): Record<RetentionRuleName, [TypedStatement, unknown[]]> {
  const records = yearsBefore(now, L.appointmentYears);
  const adult = bornBy(now, L.minorUntilAge);
  const content = yearsBefore(now, L.messageContentYears);
  const events = daysBefore(now, L.eventDays);
  const operational = yearsBefore(now, L.operationalYears);
  return {
    appointments: [deleteOldAppointments, [records, adult, n]],
    patients: [deleteOldPatients, [records, adult, n]],
    auditEntries: [deleteOldAuditEntries, [records, n]],
    reminderMessageRecipients: [anonymiseReminderMessageRecipients, [content, n]],
    inboundReplyContent: [anonymiseInboundReplyContent, [content, n]],
    statusEvents: [deleteOldStatusEvents, [events, n]],
    roomEvents: [deleteOldRoomEvents, [events, n]],
    readinessTestEvents: [deleteOldReadinessTestEvents, [events, n]],
    readinessTestRuns: [deleteOldReadinessTestRuns, [operational, n]],
    waitingRoomMessages: [deleteOldWaitingRoomMessages, [operational, n]],
    waitingRoomReplies: [deleteOldWaitingRoomReplies, [operational, n]],
    authSessions: [deleteOldAuthSessions, [daysBefore(now, L.sessionDaysAfterEnd), n]],
    rateLimitBuckets: [deleteOldRateLimitBuckets, [daysBefore(now, L.rateLimitDays), now, n]],
    passwordLinks: [deleteOldPasswordLinks, [daysBefore(now, L.passwordLinkDaysAfterEnd), n]],
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
      const changed = await runStatement(store, ...sql[name]);
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
