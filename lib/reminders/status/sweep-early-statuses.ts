// Every minute, the light half of the sweep (database only, no Twilio call):
//  - a status callback held on a claim whose sender never wrote the SID (its
//    worker died between Twilio accepting and the write): the claim adopts the
//    SID the callback proved and the status is applied, so a failed WhatsApp
//    message gets its SMS fallback within a minute of the crash, not when the
//    ten-minute "silent message" check would find it;
//  - a reminder waiting for its SMS fallback with nothing in flight (its
//    worker died after recording the WhatsApp failure): enqueued again.
// Both act only after EARLY_STATUS_GRACE_MS, by which time a live sender has
// long written its SID (it does so the moment Twilio answers, and callbacks
// follow that answer). Acting on a live one anyway is safe: adoption changes
// the claim token, so the sender records nothing, and enqueueing is idempotent.
import 'server-only';

import { db } from '@/lib/db/client';
import { errorFields, log } from '@/lib/log/logger';

import { adoptClaim } from './adopt-claim';
import { applyMessageStatus } from './apply-message-status';
import { enqueueReminder } from '../scheduling/enqueue-reminder';
import { REMINDER_PRIORITY } from '../../jobs/reminder-queues';

export const EARLY_STATUS_GRACE_MS = 10_000;
const BATCH = 200;

export async function sweepEarlyStatuses(
  now: Date = new Date(),
): Promise<{ adopted: number; requeued: number }> {
  const before = new Date(now.getTime() - EARLY_STATUS_GRACE_MS);
  const held = await db().reminderMessage.findMany({
    where: {
      twilioSid: null,
      status: { in: ['CLAIMED', 'UNCERTAIN'] },
      earlySid: { not: null },
      earlyStatusAt: { lte: before },
    },
    select: { id: true, earlySid: true, earlyStatus: true, earlyErrorCode: true, earlyStatusAt: true },
    take: BATCH,
  });
  let adopted = 0;
  for (const claim of held) {
    try {
      const row = await adoptClaim(claim.id, claim.earlySid!, { now });
      if (!row) continue; // the sender (or another sweep) wrote it first
      adopted++;
      // Applied like the callback itself: a WhatsApp failure enqueues the SMS fallback at once.
      await applyMessageStatus(row, claim.earlyStatus!, claim.earlyErrorCode, claim.earlyStatusAt ?? now);
    } catch (err) {
      log.warn('reminders.early_status_adopt_failed', { messageId: claim.id, ...errorFields(err) });
    }
  }

  const waiting = await db().reminder.findMany({
    where: {
      status: 'SENDING',
      updatedAt: { lte: before },
      messages: { none: { status: { in: ['CLAIMED', 'UNCERTAIN', 'RETRY'] } } },
    },
    select: { id: true },
    take: BATCH,
  });
  for (const r of waiting) await enqueueReminder(r.id, now, REMINDER_PRIORITY.fallback);

  if (adopted) log.info('reminders.early_statuses_adopted', { adopted });
  return { adopted, requeued: waiting.length };
}
