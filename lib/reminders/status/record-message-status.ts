// A status callback from Twilio for a message we sent: stored once (Twilio
// retries callbacks, and may send the same one twice), then applied to the
// message only if it moves it forward (lib/reminders/status/message-status.ts). A
// callback that beats the sender's SID write (a fast WhatsApp failure) is held
// on its claim, found by the claim id in the callback URL: the SID write applies
// it in the same statement, so a failure turns into the SMS fallback at once; if
// the sender died first, the minute sweep adopts the claim and applies it
// (lib/reminders/status/sweep-early-statuses.ts). A callback for a claim older than the
// settle window adopts it directly.
import 'server-only';

import { randomUUID } from 'node:crypto';

import { z } from 'zod';

import { db } from '@/lib/db/client';
import { holdEarlyStatusStatement, recordStatusEventQuery } from '@/lib/db/queries/reminder-status';
import { runQuery, runStatement } from '@/lib/db/queries/run-query';
import { AppError } from '@/lib/errors/app-error';
import { adoptClaim } from '@/lib/reminders/status/adopt-claim';
import {
  applyMessageStatus,
  statusTargetSelect,
  type StatusTarget,
} from '@/lib/reminders/status/apply-message-status';
import { SETTLE_MS } from '@/lib/reminders/sending/claim-timing';

import { statusRank, trackedStatusOf, type TrackedStatus } from './message-status';

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

/**
 * HELD: the callback came before its sender wrote the SID; it is kept on the
 * claim and applied by the SID write itself, or by the sweep if the sender died.
 */
const CLAIM_ID = /^[0-9A-Za-z-]{1,64}$/;

export type RecordStatusResult = 'DUPLICATE' | 'APPLIED' | 'NOT_ADVANCED' | 'HELD' | 'UNKNOWN_MESSAGE';

export async function recordMessageStatus(
  params: Record<string, string>,
  claimId: string | null = null,
  now: Date = new Date(),
): Promise<RecordStatusResult> {
  const parsed = statusCallbackSchema.safeParse(params);
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'Not a message status callback.');
  const { MessageSid: sid, MessageStatus: status, ErrorCode: errorCode, To: to } = parsed.data;

  // Store it once and find its message in one round trip: callbacks come two or three per message.
  const values = [randomUUID(), `${sid}:${status}`, sid, status, errorCode, now];
  const [found] = await runQuery(db(), recordStatusEventQuery, values);
  if (!found || found.stored === 0) return 'DUPLICATE';

  let row: StatusTarget | null = found.id ? (found as StatusTarget) : null;
  // Claim ids are UUIDs we put in the URL; anything else cannot name a claim (and must not reach SQL).
  if (!row && claimId && CLAIM_ID.test(claimId)) {
    // A claim older than the settle window lost its worker: adopt it now. A younger one most likely
    // has a live sender about to write the SID: hold the status on the claim for that write.
    row = await adoptClaim(claimId, sid, { now, to, claimedBefore: new Date(now.getTime() - SETTLE_MS) });
    if (!row) {
      const next = trackedStatusOf(status);
      if (!next) return 'UNKNOWN_MESSAGE';
      if (await holdEarlyStatus(claimId, sid, next, errorCode, to, now)) return 'HELD';
      // Not held because the sender wrote the SID in the meantime (the row lock orders the two
      // writes, so this later read sees it): apply it as usual.
      row = await db().reminderMessage.findUnique({ where: { twilioSid: sid }, select: statusTargetSelect });
    }
  }
  if (!row) return 'UNKNOWN_MESSAGE';
  return (await applyMessageStatus(row, status, errorCode, now)) ? 'APPLIED' : 'NOT_ADVANCED';
}

/**
 * Keeps the furthest status seen so far on a claim with no SID yet, by the same
 * rule as applying one (a final status stands; otherwise only forwards). The
 * sender's SID write reads these columns from the row it updates, so even a
 * write that started before this one commits (and waits on its row lock) sees it.
 */
async function holdEarlyStatus(
  claimId: string,
  sid: string,
  next: TrackedStatus,
  errorCode: number | null,
  to: string | undefined,
  now: Date,
): Promise<boolean> {
  const values = [sid, statusRank[next], next, errorCode, now, claimId, to ?? null];
  return (await runStatement(db(), holdEarlyStatusStatement, values)) === 1;
}
