// Claim: the row that makes a send at most once. It is written before Twilio
// is called, and only the run whose insert or takeover wins calls Twilio
// (docs/decisions/005-reminders-at-most-once.md).
import 'server-only';

import { db } from '@/lib/db/client';

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
  const inserted = await db().$executeRaw`
    INSERT INTO "ReminderMessage"
      ("id", "reminderId", "channel", "status", "statusRank", "isFallback", "fallbackReason", "toAddress",
       "fromAddress", "bodyHash", "claimToken", "claimedAt", "attempts", "updatedAt")
    SELECT ${c.id}, ${c.reminderId}, ${c.channel}::"MessageChannel", 'CLAIMED'::"ReminderMessageStatus", 0,
       ${c.fallbackReason === 'WHATSAPP_FAILED'}, ${c.fallbackReason}, ${c.to}, ${c.from}, ${c.bodyHash}, ${c.token}, ${c.now}, 1, ${c.now}
    WHERE EXISTS (
      SELECT 1 FROM "Reminder" r JOIN "Appointment" a ON a."id" = r."appointmentId"
      WHERE r."id" = ${c.reminderId} AND r."status" IN ('SCHEDULED', 'SENDING') AND a."status" IN ('BOOKED', 'CONFIRMED'))
    ON CONFLICT ("reminderId", "channel") DO NOTHING`;
  return inserted === 1;
}

/**
 * A change notice's claim: only while the notice still tells what this run rendered. The same
 * statement sets it SENDING, which freezes it: the appointment change that would rewrite it
 * (change-notice.ts, guarded on SCHEDULED) either ran first, and this finds the notice changed,
 * or waits for this row and then writes a notice of its own. The appointment itself may be
 * cancelled: that is what a cancellation notice tells.
 */
async function claimNotice(c: NewClaim, notice: LoadedNotice): Promise<boolean> {
  const inserted = await db().$executeRaw`
    WITH r AS (
      UPDATE "Reminder" SET "status" = 'SENDING'::"ReminderStatus", "updatedAt" = ${c.now}
      WHERE "id" = ${c.reminderId} AND "status" IN ('SCHEDULED', 'SENDING')
        AND "noticeKind" = ${notice.kind}::"ChangeNoticeKind"
        AND round(extract(epoch FROM "noticeStartsAt") * 1000) = ${notice.startsAt.getTime()}
      RETURNING "id"
    )
    INSERT INTO "ReminderMessage"
      ("id", "reminderId", "channel", "status", "statusRank", "isFallback", "fallbackReason", "toAddress",
       "fromAddress", "bodyHash", "claimToken", "claimedAt", "attempts", "updatedAt")
    SELECT ${c.id}, r."id", ${c.channel}::"MessageChannel", 'CLAIMED'::"ReminderMessageStatus", 0,
       ${c.fallbackReason === 'WHATSAPP_FAILED'}, ${c.fallbackReason}, ${c.to}, ${c.from}, ${c.bodyHash},
       ${c.token}, ${c.now}, 1, ${c.now}
    FROM r
    ON CONFLICT ("reminderId", "channel") DO NOTHING`;
  return inserted === 1;
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
