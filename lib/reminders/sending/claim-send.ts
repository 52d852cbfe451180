// Claim: the row that makes a send at most once. It is written before Twilio
// is called, and only the run whose insert or takeover wins calls Twilio
// (docs/decisions/005-reminders-at-most-once.md).
import 'server-only';

import { db } from '@/lib/db/client';
import { claimChangeNoticeMessage, claimReminderMessage } from '@/lib/db/queries/reminder-sending';
import { runStatement } from '@/lib/db/queries/run-query';

import type { Channel } from './choose-channels';
import type { LoadedMessage, LoadedNotice } from './load-reminder';

export interface NewClaim {
  id: string;
  reminderId: string;
  channel: Channel;
  token: string;
  to: string;
  from: string;
  bodyHash: string | null;
  fallbackReason: string | null;
  now: Date;
  notice: LoadedNotice | null;
}

/** Inserts the claim, only while the reminder and its appointment are still live; false if another run holds it. */
export async function claimNew(c: NewClaim): Promise<boolean> {
  if (c.notice) return claimNotice(c, c.notice);
  return (await runStatement(db(), claimReminderMessage, claimValues(c))) === 1;
}

/**
 * A change notice's claim: only while the notice still tells what this run rendered. The same
 * statement sets it SENDING, which freezes it: the appointment change that would rewrite it
 * (change-notice.ts, guarded on SCHEDULED) either ran first, and this finds the notice changed,
 * or waits for this row and then writes a notice of its own. The appointment itself may be
 * cancelled: that is what a cancellation notice tells.
 */
async function claimNotice(c: NewClaim, notice: LoadedNotice): Promise<boolean> {
  const values = [...claimValues(c), notice.kind, notice.startsAt.getTime()];
  return (await runStatement(db(), claimChangeNoticeMessage, values)) === 1;
}

/** The parameters both claims share (lib/db/queries/reminder-sending.ts). */
function claimValues(c: NewClaim): unknown[] {
  const isFallback = c.fallbackReason === 'WHATSAPP_FAILED';
  return [
    c.id,
    c.reminderId,
    c.channel,
    isFallback,
    c.fallbackReason,
    c.to,
    c.from,
    c.bodyHash,
    c.token,
    c.now,
  ];
}

/** Takes over an attempt that is known not to have produced a message (RETRY, or looked up and absent). */
export async function reclaim(
  row: LoadedMessage,
  token: string,
  bodyHash: string | null,
  now: Date,
): Promise<boolean> {
  const { count } = await db().reminderMessage.updateMany({
    where: { id: row.id, claimToken: row.claimToken, status: { in: ['CLAIMED', 'UNCERTAIN', 'RETRY'] } },
    data: {
      claimToken: token,
      status: 'CLAIMED',
      claimedAt: now,
      attempts: { increment: 1 },
      bodyHash,
      errorCode: null,
    },
  });
  return count === 1;
}
