// Reconcile: an attempt whose outcome is unknown (UNCERTAIN, or CLAIMED by a
// worker that died) is looked up at Twilio once it has settled, and what is
// found is adopted instead of sending again.
import 'server-only';

import { randomUUID } from 'node:crypto';

import { db } from '@/lib/db/client';
import { log } from '@/lib/log/logger';
import { isFailureStatus, statusRank, trackedStatusOf } from '@/lib/reminders/status/message-status';
import { toTwilioError } from '@/lib/twilio/errors';
import type { SentMessageSummary } from '@/lib/twilio/find-recent-messages';

import { applyMessageStatus, applyStoredStatuses } from '../status/apply-message-status';
import { sha256Hex } from './build-reminder-message';
import { CLOCK_SKEW_MS } from './claim-timing';
import type { LoadedMessage } from './load-reminder';
import { RetryReminderLater, type ChannelResult, type SendContext } from './send-context';

const TRIAL_PREFIX = 'Sent from your Twilio trial account - ';

/** Our message at Twilio for an unresolved claim: sent To/From since it began, not already ours. */
export async function lookUpAtTwilio(ctx: SendContext, row: LoadedMessage): Promise<SentMessageSummary | null> {
  let found: SentMessageSummary[];
  try {
    found = await ctx.find(
      {
        to: row.toAddress,
        from: row.fromAddress,
        createdSince: new Date(row.claimedAt.getTime() - CLOCK_SKEW_MS),
      },
      ctx.client,
    );
  } catch (err) {
    const e = toTwilioError(err);
    throw new RetryReminderLater('Could not look the message up at Twilio; trying again later.', e.code);
  }
  // Replies sent by TwiML ("outbound-reply") are not reminders.
  const outbound = found.filter((m) => m.direction === 'outbound-api');
  if (outbound.length === 0) return null;
  const known = await db().reminderMessage.findMany({
    where: { twilioSid: { in: outbound.map((m) => m.sid) } },
    select: { twilioSid: true },
  });
  const knownSids = new Set(known.map((k) => k.twilioSid));
  const candidates = outbound
    .filter((m) => !knownSids.has(m.sid))
    .sort((a, b) => a.dateCreated.getTime() - b.dateCreated.getTime());
  if (candidates.length === 0) return null;
  // Prefer the text we sent; otherwise take any unclaimed message in the window. When in doubt we
  // adopt rather than send again: a wrongly attributed message beats a second one to the patient.
  const byText = row.bodyHash
    ? candidates.find(
        (m) =>
          sha256Hex(m.body) === row.bodyHash || sha256Hex(m.body.replace(TRIAL_PREFIX, '')) === row.bodyHash,
      )
    : undefined;
  return byText ?? candidates[0] ?? null;
}

export async function adoptFound(
  ctx: SendContext,
  row: LoadedMessage,
  found: SentMessageSummary,
): Promise<ChannelResult> {
  const now = new Date();
  // Adopted as accepted; Twilio's current status for it is then applied like any callback,
  // so a delivered message marks the reminder delivered and a failed one triggers the fallback.
  const adopted = await db().$transaction(async (tx) => {
    const { count } = await tx.reminderMessage.updateMany({
      where: { id: row.id, claimToken: row.claimToken, twilioSid: null },
      data: {
        claimToken: randomUUID(),
        twilioSid: found.sid,
        status: 'QUEUED',
        statusRank: statusRank.QUEUED,
        acceptedAt: found.dateCreated,
      },
    });
    if (count !== 1) return false;
    await tx.reminder.updateMany({
      where: { id: ctx.reminder.id, status: { in: ['SCHEDULED', 'SENDING'] } },
      data: { status: 'SENT', sentAt: found.dateCreated, reason: null, errorCode: null },
    });
    await tx.reminderEvent.create({
      data: { reminderId: ctx.reminder.id, type: 'RECONCILED', channel: row.channel, at: now },
    });
    return true;
  });
  if (!adopted) return { kind: 'busy' };
  log.info('reminders.reconciled', { reminderId: ctx.reminder.id, channel: row.channel, found: true });
  const target = { ...row, reminderId: ctx.reminder.id, status: 'QUEUED', statusRank: statusRank.QUEUED };
  await applyMessageStatus(target, found.status, found.errorCode, now);
  await applyStoredStatuses(
    {
      ...target,
      ...(await db().reminderMessage.findUniqueOrThrow({
        where: { id: row.id },
        select: { status: true, statusRank: true },
      })),
    },
    found.sid,
  );
  const status = trackedStatusOf(found.status);
  return status && isFailureStatus(status)
    ? { kind: 'failed', errorCode: found.errorCode }
    : { kind: 'accepted' };
}

/** A channel the patient can no longer be messaged on, whose earlier attempt produced nothing. */
export async function abandon(row: LoadedMessage): Promise<ChannelResult> {
  await db().reminderMessage.updateMany({
    where: { id: row.id, claimToken: row.claimToken, twilioSid: null },
    data: { status: 'FAILED', statusRank: statusRank.FAILED, failedAt: new Date() },
  });
  return { kind: 'failed', errorCode: row.errorCode };
}
