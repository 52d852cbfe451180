// One channel of one send: settle what an earlier attempt left (look it up,
// adopt it or give it up), then claim, render and call Twilio if allowed.
import 'server-only';

import { randomUUID } from 'node:crypto';

import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { messageStatusCallbackUrl } from '@/lib/reminders/status/message-callback-url';
import { isFailureStatus } from '@/lib/reminders/status/message-status';

import { buildReminderMessage } from './build-reminder-message';
import { channelAddress, type Channel } from './choose-channels';
import type { ReasonCode } from '../status/reminder-reasons';
import { callTwilio } from './call-twilio';
import { claimNew, reclaim } from './claim-send';
import { abandon, adoptFound, lookUpAtTwilio } from './reconcile-send';
import { ACCEPTED, RetryReminderLater, type ChannelResult, type SendContext } from './send-context';

export async function sendOnChannel(ctx: SendContext, channel: Channel, allowed: boolean): Promise<ChannelResult> {
  const row = ctx.reminder.messages.find((m) => m.channel === channel) ?? null;
  if (row && ACCEPTED.has(row.status)) return { kind: 'accepted' };
  if (row && isFailureStatus(row.status)) return { kind: 'failed', errorCode: row.errorCode };

  if (row && (row.status === 'CLAIMED' || row.status === 'UNCERTAIN')) {
    if (ctx.now.getTime() - row.claimedAt.getTime() < ctx.settleMs) {
      throw new RetryReminderLater('A send on this channel is still in flight; it is given time to settle.');
    }
    const found = await lookUpAtTwilio(ctx, row);
    if (found) return adoptFound(ctx, row, found);
    if (!allowed) return abandon(row);
  } else if (row && row.status === 'RETRY' && !allowed) {
    return abandon(row);
  } else if (!row && !allowed) {
    return { kind: 'failed', errorCode: null };
  }

  const e164 = ctx.plan.e164;
  const from = channel === 'WHATSAPP' ? env().TWILIO_WHATSAPP_FROM : env().TWILIO_PHONE_NUMBER;
  if (!e164 || !from) return { kind: 'failed', errorCode: null };
  const to = channelAddress(channel, e164);
  const claimId = row?.id ?? randomUUID();
  const { appointment, notice } = ctx.reminder;
  const { message, bodyHash } = await buildReminderMessage({
    channel,
    to,
    from,
    statusCallback: messageStatusCallbackUrl(claimId),
    appointment: { id: appointment.id, startsAt: notice?.startsAt ?? appointment.startsAt, kind: appointment.kind },
    timeZone: ctx.timeZone,
    config: ctx.config,
    joinUrl: ctx.joinUrl,
    notice: notice?.kind ?? null,
  });

  // Why SMS for a patient who wanted WhatsApp. Only WHATSAPP_FAILED makes it a fallback: an SMS
  // sent because WhatsApp could not be used at all was the only channel ("Sent by SMS").
  const fallbackReason: ReasonCode | null =
    channel === 'SMS' && appointment.patient.preferredChannel === 'WHATSAPP'
      ? ctx.whatsappFailed
        ? 'WHATSAPP_FAILED'
        : (ctx.plan.whatsappUnavailable ?? null)
      : null;

  const token = randomUUID();
  const claimed = row
    ? await reclaim(row, token, bodyHash, ctx.now)
    : await claimNew({
        id: claimId,
        reminderId: ctx.reminder.id,
        channel,
        token,
        to,
        from,
        bodyHash,
        fallbackReason,
        now: ctx.now,
        notice,
      });
  if (!claimed) return { kind: 'busy' };
  if (!row && fallbackReason) {
    await db().reminderEvent.create({
      data: {
        reminderId: ctx.reminder.id,
        type: fallbackReason === 'WHATSAPP_FAILED' ? 'FALLBACK' : 'SMS_ONLY',
        channel: 'SMS',
        detail: fallbackReason,
      },
    });
  }
  return callTwilio(ctx, { id: claimId, token, channel, to }, message);
}
