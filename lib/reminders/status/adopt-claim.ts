// Attaches a message SID that a status callback proved exists to a claim whose
// sender never recorded it (its worker died between Twilio accepting and the
// SID write). The callback came to the URL carrying this claim's id, which
// Twilio signs, so the message is ours: adopting it can never cause a second
// send. The new claim token stops a sender that was merely slow from
// recording anything afterwards (it logs the lost claim and stops).
import 'server-only';

import { randomUUID } from 'node:crypto';

import { db } from '@/lib/db/client';
import { statusRank } from '@/lib/reminders/status/message-status';

import { statusTargetSelect, type StatusTarget } from './apply-message-status';

/**
 * Adopts the claim at "queued" (the caller then applies the callback's own
 * status as usual) and marks its reminder sent. Only a claim still unresolved
 * (CLAIMED or UNCERTAIN, no SID) and begun before `claimedBefore`; null when
 * there is none, or another path (the sender, the sweep) got there first.
 */
export async function adoptClaim(
  claimId: string,
  sid: string,
  options: { now: Date; claimedBefore?: Date; to?: string },
): Promise<StatusTarget | null> {
  const { now } = options;
  const { count } = await db().reminderMessage.updateMany({
    where: {
      id: claimId,
      twilioSid: null,
      status: { in: ['CLAIMED', 'UNCERTAIN'] },
      ...(options.to ? { toAddress: options.to } : {}),
      ...(options.claimedBefore ? { claimedAt: { lt: options.claimedBefore } } : {}),
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
