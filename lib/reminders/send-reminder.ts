// Sends one due reminder: WhatsApp first when the patient can get it, SMS as
// the fallback, each channel at most once, however often this runs.
//
// Why at most once holds
// ----------------------
// Twilio cannot deduplicate message creation, so the guarantee has to come
// from our database, and it has to be decided before Twilio is called:
//
// 1. Claim. A ReminderMessage row (unique per reminder and channel) is
//    inserted with a random claimToken BEFORE the Twilio call. A second job for
//    the same reminder (a redelivery, a second worker, the sweep) fails to
//    insert and stops: only the claim holder calls Twilio.
// 2. Call, then record. Success stores the SID (guarded on the token). A
//    definite refusal (4xx) marks the row FAILED: nothing was created, and the
//    next channel is tried. A 429 marks it RETRY: nothing was created, so it may
//    be claimed and sent again after backoff.
// 3. Unknown outcome. A timeout, a 5xx or a dropped connection may or may not
//    have created the message; the row becomes UNCERTAIN. A worker killed
//    mid-call leaves it CLAIMED. Either way nobody touches it until SETTLE_MS
//    after the attempt began (longer than the HTTP timeout), by which time
//    Twilio has either made the message or never will. Then the next run looks
//    it up at Twilio (messages To/From since the claim, not already ours,
//    matched by the SMS text's hash where there is one) and adopts what it finds;
//    only if nothing is there does it claim again and send. The status callback
//    can also adopt it first: its URL carries the claim id.
//
// The remaining gap: a worker stalled (not killed) for longer than SETTLE_MS
// between claiming and calling Twilio could call after another worker has
// looked up, found nothing and re-sent. The claim token stops the stale worker
// from recording anything, but not from its call; SETTLE_MS is therefore set
// well beyond any call's timeout.
import 'server-only';

import { randomUUID } from 'node:crypto';

import { db, preparedQuery } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import type {
  AppointmentKind,
  AppointmentStatus,
  ChangeNoticeKind,
  ReminderSource,
} from '@/lib/db/generated/enums';
import { env } from '@/lib/env';
import { log } from '@/lib/log/logger';
import { messageStatusCallbackUrl } from '@/lib/messaging/message-callback-url';
import { isFailureStatus, statusRank, trackedStatusOf } from '@/lib/messaging/message-status';
import { recordOptOut } from '@/lib/messaging/record-opt-out';
import { assertTrialCanMessage } from '@/lib/readiness/assert-trial-can-message';
import { isTrialRecipientError, type TrialRecipientError } from '@/lib/readiness/trial-recipient-error';
import { isOpenStatus } from '@/lib/schemas/appointment';
import type { TwilioClient } from '@/lib/twilio/client';
import { describeTwilioCode, toTwilioError, TwilioError } from '@/lib/twilio/errors';
import { findRecentMessages, type SentMessageSummary } from '@/lib/twilio/find-recent-messages';
import { sendMessage, type AcceptedMessage, type OutboundMessage } from '@/lib/twilio/send-message';
import { joinWindow } from '@/lib/video/join-window';

import { applyMessageStatus, applyStoredStatuses } from './apply-message-status';
import { buildReminderMessage, sha256Hex } from './build-reminder-message';
import {
  channelAddress,
  chooseChannels,
  type Channel,
  type ChannelPatient,
  type ChannelPlan,
} from './choose-channels';
import { CLOCK_SKEW_MS, SETTLE_MS } from './claim-timing';
import { getReminderConfig, type ReminderConfig } from './get-reminder-config';
import { patientTimeZone } from './reminder-appointment';
import type { ReasonCode } from './reminder-reasons';

/** Thrown when the reminder should be tried again later (pg-boss retries the job with backoff). */
export class RetryReminderLater extends Error {
  override readonly name = 'RetryReminderLater';
  constructor(
    message: string,
    readonly errorCode: number | null = null,
  ) {
    super(message);
  }
}

export interface SendReminderDeps {
  /** Defaults to the shared client built from env(). */
  client?: TwilioClient;
  now?: () => Date;
  settleMs?: number;
  send?: (message: OutboundMessage, client?: TwilioClient) => Promise<AcceptedMessage>;
  find?: typeof findRecentMessages;
  joinUrl?: (appointmentId: string) => Promise<string>;
}

export type SendOutcome =
  | 'ACCEPTED'
  | 'ALREADY_ACCEPTED'
  | 'FINISHED'
  | 'NOT_DUE'
  | 'BUSY'
  | 'SKIPPED'
  | 'FAILED'
  | 'CANCELLED'
  | 'NOT_FOUND';

const ACCEPTED = new Set(['QUEUED', 'SENT', 'DELIVERED', 'READ']);
const IN_FLIGHT = new Set(['CLAIMED', 'UNCERTAIN', 'RETRY']);
const CHANNEL_ORDER: Channel[] = ['WHATSAPP', 'SMS'];
const TRIAL_PREFIX = 'Sent from your Twilio trial account - ';

interface LoadedMessage {
  id: string;
  channel: Channel;
  status: string;
  statusRank: number;
  claimToken: string;
  claimedAt: Date;
  toAddress: string;
  fromAddress: string;
  bodyHash: string | null;
  errorCode: number | null;
}

/** A change notice's content, frozen once a channel is claimed (lib/reminders/change-notice.ts). */
interface LoadedNotice {
  kind: ChangeNoticeKind;
  /** The time it tells of: the new start, or the cancelled one. */
  startsAt: Date;
}

interface LoadedReminder {
  id: string;
  status: string;
  source: ReminderSource;
  dueAt: Date;
  notice: LoadedNotice | null;
  appointment: {
    id: string;
    status: AppointmentStatus;
    startsAt: Date;
    endsAt: Date;
    kind: AppointmentKind;
    patient: ChannelPatient & { clinicId: string; timezone: string };
  };
  messages: LoadedMessage[];
}

type LoadedRow = {
  id: string;
  status: string;
  source: ReminderSource;
  dueAt: Date;
  noticeKind: ChangeNoticeKind | null;
  noticeStartsAt: Date | null;
  appointmentId: string;
  appointmentStatus: AppointmentStatus;
  startsAt: Date;
  endsAt: Date;
  kind: AppointmentKind;
  clinicId: string;
  mobile: string;
  timezone: string;
  preferredChannel: Channel;
  messagingConsentAt: Date | null;
  whatsappConsent: boolean;
  whatsappOptOutAt: Date | null;
  smsOptOutAt: Date | null;
  messages: (Omit<LoadedMessage, 'claimedAt'> & { claimedAt: string })[];
};

/**
 * The reminder, its appointment, the patient's contact settings and the
 * channel attempts, in one query: this runs once per message sent, and a
 * burst of thousands of due reminders makes every round trip count.
 */
// A prepared statement (lib/db/client.ts: preparedQuery): timestamps as timestamptz in UTC.
const LOAD_REMINDER_SQL = `
    SELECT r."id", r."status"::text AS "status", r."source"::text AS "source", r."dueAt" AT TIME ZONE 'UTC' AS "dueAt",
           r."noticeKind"::text AS "noticeKind", r."noticeStartsAt" AT TIME ZONE 'UTC' AS "noticeStartsAt",
           a."id" AS "appointmentId", a."status"::text AS "appointmentStatus",
           a."startsAt" AT TIME ZONE 'UTC' AS "startsAt", a."endsAt" AT TIME ZONE 'UTC' AS "endsAt",
           a."kind"::text AS "kind",
           p."clinicId", p."mobile", p."timezone", p."preferredChannel"::text AS "preferredChannel",
           p."messagingConsentAt" AT TIME ZONE 'UTC' AS "messagingConsentAt", p."whatsappConsent",
           p."whatsappOptOutAt" AT TIME ZONE 'UTC' AS "whatsappOptOutAt",
           p."smsOptOutAt" AT TIME ZONE 'UTC' AS "smsOptOutAt",
           COALESCE((
             SELECT json_agg(json_build_object(
               'id', m."id", 'channel', m."channel", 'status', m."status", 'statusRank', m."statusRank",
               'claimToken', m."claimToken", 'claimedAt', to_char(m."claimedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'toAddress', m."toAddress", 'fromAddress', m."fromAddress", 'bodyHash', m."bodyHash",
               'errorCode', m."errorCode"))
             FROM "ReminderMessage" m WHERE m."reminderId" = r."id"), '[]'::json) AS "messages"
    FROM "Reminder" r
    JOIN "Appointment" a ON a."id" = r."appointmentId"
    JOIN "Patient" p ON p."id" = a."patientId"
    WHERE r."id" = $1`;

async function loadReminder(reminderId: string): Promise<LoadedReminder | null> {
  const rows = await preparedQuery<LoadedRow>('load-reminder-v2', LOAD_REMINDER_SQL, [reminderId]);
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    status: row.status,
    source: row.source,
    dueAt: row.dueAt,
    notice:
      row.source === 'CHANGE_NOTICE' && row.noticeKind && row.noticeStartsAt
        ? { kind: row.noticeKind, startsAt: row.noticeStartsAt }
        : null,
    appointment: {
      id: row.appointmentId,
      status: row.appointmentStatus,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      kind: row.kind,
      patient: {
        clinicId: row.clinicId,
        mobile: row.mobile,
        timezone: row.timezone,
        preferredChannel: row.preferredChannel,
        messagingConsentAt: row.messagingConsentAt,
        whatsappConsent: row.whatsappConsent,
        whatsappOptOutAt: row.whatsappOptOutAt,
        smsOptOutAt: row.smsOptOutAt,
      },
    },
    messages: row.messages.map((m) => ({ ...m, claimedAt: new Date(m.claimedAt) })),
  };
}

type MessageRow = LoadedMessage;

type ChannelResult = { kind: 'accepted' } | { kind: 'failed'; errorCode: number | null } | { kind: 'busy' };

interface Context {
  reminder: LoadedReminder;
  plan: ChannelPlan;
  config: ReminderConfig;
  timeZone: string;
  now: Date;
  settleMs: number;
  client: TwilioClient | undefined;
  send: NonNullable<SendReminderDeps['send']>;
  find: typeof findRecentMessages;
  joinUrl: SendReminderDeps['joinUrl'];
  whatsappFailed: boolean;
}

export async function sendReminder(reminderId: string, deps: SendReminderDeps = {}): Promise<SendOutcome> {
  const clock = deps.now ?? (() => new Date());
  const reminder = await loadReminder(reminderId);
  if (!reminder) return 'NOT_FOUND';
  if (reminder.status !== 'SCHEDULED' && reminder.status !== 'SENDING') return 'FINISHED';
  const now = clock();
  // Moved later since this job was queued: the job for the new time does it.
  if (reminder.status === 'SCHEDULED' && reminder.dueAt.getTime() > now.getTime() + 2_000) return 'NOT_DUE';

  const { appointment, notice } = reminder;
  // A change notice is about the change, so a cancelled appointment is what a cancellation notice tells.
  const stale = notice ? !noticeIsCurrent(notice, appointment) : false;
  if (!notice && !isOpenStatus(appointment.status)) {
    const reason = appointment.status === 'CANCELLED' ? 'APPOINTMENT_CANCELLED' : 'APPOINTMENT_CLOSED';
    await finishReminder(reminder.id, 'CANCELLED', reason);
    return 'CANCELLED';
  }
  if (reminder.messages.some((m) => ACCEPTED.has(m.status))) {
    // Accepted on a channel already (its row and the reminder are written together; this is a late duplicate job).
    return 'ALREADY_ACCEPTED';
  }
  const inFlight = reminder.messages.some((m) => IN_FLIGHT.has(m.status));
  if (stale && !inFlight) {
    // A later change has its own notice (or an appointment marked completed needs none).
    const reason =
      isOpenStatus(appointment.status) || appointment.status === 'CANCELLED'
        ? 'NOTICE_SUPERSEDED'
        : 'APPOINTMENT_CLOSED';
    await finishReminder(reminder.id, 'CANCELLED', reason);
    return 'CANCELLED';
  }
  // A reminder is pointless once the appointment starts; a join link is useful until the session closes;
  // a notice, until the time it tells of.
  const joinLink = reminder.source === 'JOIN_LINK';
  const lateAfter = joinLink
    ? joinWindow(appointment, 'PATIENT').closesAt
    : (notice?.startsAt ?? appointment.startsAt);
  if (lateAfter.getTime() <= now.getTime() && !inFlight) {
    const status = reminder.messages.length === 0 ? 'SKIPPED' : 'FAILED';
    await finishReminder(reminder.id, status, joinLink ? 'SESSION_CLOSED' : 'APPOINTMENT_STARTED');
    return status;
  }

  const config = await getReminderConfig(appointment.patient.clinicId);
  const e = env();
  const plan = chooseChannels(appointment.patient, {
    whatsappFrom: e.TWILIO_WHATSAPP_FROM,
    smsFrom: e.TWILIO_PHONE_NUMBER,
    whatsappEnabled: config.whatsappEnabled,
    whatsappContentSid: (notice ? config.noticeTemplates[notice.kind] : config.templates)[appointment.kind]
      .whatsappContentSid,
  });
  const ctx: Context = {
    reminder,
    plan,
    config,
    timeZone: patientTimeZone(appointment.patient.timezone, config.clinicTimeZone),
    now,
    settleMs: deps.settleMs ?? SETTLE_MS,
    client: deps.client,
    send: deps.send ?? sendMessage,
    find: deps.find ?? findRecentMessages,
    joinUrl: deps.joinUrl,
    whatsappFailed: reminder.messages.some((m) => m.channel === 'WHATSAPP' && isFailureStatus(m.status)),
  };

  // Channels the plan allows, plus any with an unresolved attempt: that must be settled first,
  // even if the channel is no longer allowed, or a fallback could follow a message that did go.
  const channels = CHANNEL_ORDER.filter(
    (c) =>
      plan.channels.includes(c) || reminder.messages.some((m) => m.channel === c && IN_FLIGHT.has(m.status)),
  );
  let lastErrorCode: number | null = null;
  for (const channel of channels) {
    // A notice overtaken by a later change settles what is in flight but starts nothing new.
    const result = await resolveChannel(ctx, channel, plan.channels.includes(channel) && !stale);
    if (result.kind === 'accepted') return 'ACCEPTED';
    if (result.kind === 'busy') return 'BUSY';
    lastErrorCode = result.errorCode ?? lastErrorCode;
    if (channel === 'WHATSAPP') ctx.whatsappFailed = true;
  }

  if (stale) {
    await finishReminder(reminder.id, 'CANCELLED', 'NOTICE_SUPERSEDED');
    return 'CANCELLED';
  }
  const attempted = reminder.messages.length > 0 || channels.length > 0;
  if (!attempted) {
    await finishReminder(reminder.id, 'SKIPPED', plan.blockedReason ?? 'NO_CHANNEL');
    return 'SKIPPED';
  }
  // WhatsApp failed and SMS is not allowed (opted out…): say so; otherwise every channel failed.
  const reason: ReasonCode = plan.channels.includes('SMS')
    ? 'SEND_FAILED'
    : (plan.smsUnavailable ?? plan.blockedReason ?? 'SEND_FAILED');
  await finishReminder(reminder.id, 'FAILED', reason, lastErrorCode);
  return 'FAILED';
}

async function resolveChannel(ctx: Context, channel: Channel, allowed: boolean): Promise<ChannelResult> {
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
  const { appointment } = ctx.reminder;
  const { message, bodyHash } = await buildReminderMessage({
    channel,
    to,
    from,
    statusCallback: messageStatusCallbackUrl(claimId),
    appointment: {
      id: appointment.id,
      startsAt: ctx.reminder.notice?.startsAt ?? appointment.startsAt,
      kind: appointment.kind,
    },
    timeZone: ctx.timeZone,
    config: ctx.config,
    joinUrl: ctx.joinUrl,
    notice: ctx.reminder.notice?.kind ?? null,
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
        notice: ctx.reminder.notice,
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

/** Inserts the claim, only while the reminder and its appointment are still live; false if another run holds it. */
async function claimNew(c: {
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
}): Promise<boolean> {
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
async function claimNotice(c: Parameters<typeof claimNew>[0], notice: LoadedNotice): Promise<boolean> {
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

/** Whether a change notice still tells the appointment's state: moved to this time, or cancelled. */
function noticeIsCurrent(notice: LoadedNotice, appointment: LoadedReminder['appointment']): boolean {
  if (notice.kind === 'CANCELLED') return appointment.status === 'CANCELLED';
  return isOpenStatus(appointment.status) && appointment.startsAt.getTime() === notice.startsAt.getTime();
}

/** Takes over an attempt that is known not to have produced a message (RETRY, or looked up and absent). */
async function reclaim(row: MessageRow, token: string, bodyHash: string | null, now: Date): Promise<boolean> {
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

async function callTwilio(
  ctx: Context,
  claim: { id: string; token: string; channel: Channel; to: string },
  message: OutboundMessage,
): Promise<ChannelResult> {
  let accepted: AcceptedMessage;
  try {
    // A trial account may only message verified numbers: refused here, as Twilio would (21608), with no call.
    await assertTrialCanMessage(claim.to, { client: ctx.client ? () => ctx.client! : undefined });
    accepted = await ctx.send(message, ctx.client);
  } catch (err) {
    return handleSendError(ctx, claim, isTrialRecipientError(err) ? trialRefusal(err) : toTwilioError(err));
  }
  const status = trackedStatusOf(accepted.status) ?? 'QUEUED';
  const rank = statusRank[status];
  const failedAtOnce = isFailureStatus(status);
  const now = new Date();
  // A status callback that beat this write (a fast WhatsApp failure, say) is held on the claim row
  // (lib/messaging/record-message-status.ts) and applied here, in the same statement. The SET reads
  // the row as updated (PostgreSQL re-reads a row a concurrent callback changed before it locks it),
  // so no callback can fall between the two; a crash leaves either both written or neither.
  const early = Prisma.sql`("earlySid" = ${accepted.sid} AND "earlyStatusRank" > ${rank} AND NOT ${failedAtOnce})`;
  const earlyFailure = Prisma.sql`(${early} AND "earlyStatus" IN ('FAILED', 'UNDELIVERED'))`;
  const earlyDelivered = Prisma.sql`(${early} AND "earlyStatus" IN ('DELIVERED', 'READ'))`;
  // One statement (so one atomic step and one round trip): the message, guarded on our claim token;
  // the reminder; its timeline. Nothing is written if another run has taken the claim over.
  const [result] = await db().$queryRaw<
    { recorded: number; status: string | null; errorCode: number | null; early: boolean | null }[]
  >`
    WITH m AS (
      UPDATE "ReminderMessage"
      SET "status" = CASE WHEN ${early} THEN "earlyStatus" ELSE ${status}::"ReminderMessageStatus" END,
          "statusRank" = CASE WHEN ${early} THEN "earlyStatusRank" ELSE ${rank} END,
          "errorCode" = CASE WHEN ${earlyFailure} THEN "earlyErrorCode" ELSE ${accepted.errorCode}::int END,
          "failedAt" = CASE WHEN ${earlyFailure} THEN "earlyStatusAt" WHEN ${failedAtOnce} THEN ${now} END,
          "deliveredAt" = CASE WHEN ${earlyDelivered} THEN "earlyStatusAt" ELSE "deliveredAt" END,
          "twilioSid" = ${accepted.sid}, "acceptedAt" = ${now}, "segments" = ${accepted.segments},
          "updatedAt" = ${now}
      WHERE "id" = ${claim.id} AND "claimToken" = ${claim.token}
      RETURNING "reminderId", "channel", "status"::text AS "status", "errorCode",
                "status" IN ('FAILED', 'UNDELIVERED') AS "failed", "status" IN ('DELIVERED', 'READ') AS "delivered",
                "status"::text <> ${status} AS "early"
    ), r AS (
      -- WhatsApp failed: SENDING while its SMS fallback goes (this run goes on to it at once).
      -- SMS failed: left for this run to finish with its reason.
      UPDATE "Reminder" AS rem
      SET "status" = (CASE WHEN m."failed" THEN 'SENDING' WHEN m."delivered" THEN 'DELIVERED' ELSE 'SENT' END)::"ReminderStatus",
          "sentAt" = CASE WHEN m."failed" THEN rem."sentAt" ELSE ${now} END,
          "deliveredAt" = CASE WHEN m."delivered" THEN ${now} ELSE rem."deliveredAt" END,
          "reason" = NULL, "errorCode" = CASE WHEN m."failed" THEN m."errorCode" END, "updatedAt" = ${now}
      FROM m
      WHERE rem."id" = m."reminderId" AND rem."status" IN ('SCHEDULED', 'SENDING')
        AND NOT (m."failed" AND m."channel" = 'SMS')
      RETURNING rem."id"
    ), e AS (
      INSERT INTO "ReminderEvent" ("id", "reminderId", "at", "type", "channel", "errorCode")
      SELECT ${randomUUID()}, "reminderId", ${now}::timestamp(3), ${failedAtOnce ? 'SEND_REFUSED' : 'SENT'}::text,
             ${claim.channel}::"MessageChannel", ${failedAtOnce ? accepted.errorCode : null}::int
      FROM m
      UNION ALL
      -- The held callback's own entry, just after "sent" so the timeline reads in order.
      SELECT ${randomUUID()}, "reminderId", ${now}::timestamp(3) + interval '1 millisecond', "status",
             ${claim.channel}::"MessageChannel", CASE WHEN "failed" THEN "errorCode" END
      FROM m WHERE "early" AND ("failed" OR "delivered")
      RETURNING "id"
    )
    SELECT (SELECT count(*) FROM m)::int AS "recorded", (SELECT count(*) FROM r)::int AS "reminders",
           (SELECT count(*) FROM e)::int AS "events", (SELECT "status" FROM m) AS "status",
           (SELECT "errorCode" FROM m) AS "errorCode", (SELECT "early" FROM m) AS "early"`;
  const recorded = (result?.recorded ?? 0) === 1;
  if (!recorded) {
    // Our claim went stale and another run took it over; it owns the outcome now.
    log.warn('reminders.claim_lost', { reminderId: ctx.reminder.id, channel: claim.channel });
    return { kind: 'busy' };
  }
  if (!result?.early || !result.status || !isFailureStatus(result.status)) {
    return failedAtOnce ? { kind: 'failed', errorCode: accepted.errorCode } : { kind: 'accepted' };
  }
  // A failure held from an early callback: for WhatsApp the loop goes straight on to the SMS fallback.
  log.info('reminders.early_status_applied', { reminderId: ctx.reminder.id, channel: claim.channel });
  if (result.errorCode === 21610) {
    await recordOptOut({
      e164: claim.to.replace(/^whatsapp:/, ''),
      channel: claim.channel,
      optedOut: true,
      source: 'TWILIO_21610',
    });
  }
  return { kind: 'failed', errorCode: result.errorCode };
}

/** The trial guard's refusal as the REST error Twilio would have answered: permanent, code 21608. */
function trialRefusal(err: TrialRecipientError): TwilioError {
  return new TwilioError('rest', err.twilioCode, 400, describeTwilioCode(err.twilioCode), null, false);
}

async function handleSendError(
  ctx: Context,
  claim: { id: string; token: string; channel: Channel; to: string },
  err: TwilioError,
): Promise<ChannelResult> {
  const reminderId = ctx.reminder.id;
  const mine = { id: claim.id, claimToken: claim.token };
  const fields = {
    reminderId,
    channel: claim.channel,
    errorCode: err.code ?? undefined,
    status: err.status ?? undefined,
    kind: err.kind,
  };

  if (err.kind === 'rest' && err.status === 429) {
    // Refused before Twilio did anything: nothing was created, so it may simply be sent again later.
    log.warn('reminders.rate_limited', fields);
    await db().$transaction([
      db().reminderMessage.updateMany({ where: mine, data: { status: 'RETRY', errorCode: err.code } }),
      db().reminder.updateMany({
        where: { id: reminderId, status: 'SCHEDULED' },
        data: { status: 'SENDING' },
      }),
      db().reminderEvent.create({
        data: {
          reminderId,
          type: 'RETRYING',
          channel: claim.channel,
          errorCode: err.code,
          detail: 'RATE_LIMITED',
        },
      }),
    ]);
    throw new RetryReminderLater('Twilio is rate-limiting; trying again with backoff.', err.code);
  }

  if (err.kind === 'rest' && !err.retryable) {
    // A definite refusal: no message exists. Recorded with Twilio's code; the next channel is tried.
    log.info('reminders.send_refused', fields);
    const now = new Date();
    await db().$transaction([
      db().reminderMessage.updateMany({
        where: mine,
        data: { status: 'FAILED', statusRank: statusRank.FAILED, errorCode: err.code, failedAt: now },
      }),
      db().reminderEvent.create({
        data: { reminderId, type: 'SEND_REFUSED', channel: claim.channel, errorCode: err.code, at: now },
      }),
    ]);
    if (err.code === 21610) {
      await recordOptOut({
        e164: claim.to.replace(/^whatsapp:/, ''),
        channel: claim.channel,
        optedOut: true,
        source: 'TWILIO_21610',
      });
    }
    return { kind: 'failed', errorCode: err.code };
  }

  // Timeout, 5xx, dropped connection: Twilio may or may not have created it. Look it up before any new call.
  log.warn('reminders.send_uncertain', fields);
  await db().$transaction([
    db().reminderMessage.updateMany({ where: mine, data: { status: 'UNCERTAIN', errorCode: err.code } }),
    db().reminder.updateMany({ where: { id: reminderId, status: 'SCHEDULED' }, data: { status: 'SENDING' } }),
    db().reminderEvent.create({
      data: {
        reminderId,
        type: 'RETRYING',
        channel: claim.channel,
        errorCode: err.code,
        detail: err.kind === 'timeout' ? 'TIMEOUT' : err.kind === 'rest' ? 'TWILIO_ERROR' : 'NETWORK',
      },
    }),
  ]);
  throw new RetryReminderLater(
    'The outcome of the send is unknown; it will be looked up at Twilio.',
    err.code,
  );
}

/** Our message at Twilio for an unresolved claim: sent To/From since it began, not already ours. */
async function lookUpAtTwilio(ctx: Context, row: MessageRow): Promise<SentMessageSummary | null> {
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

async function adoptFound(ctx: Context, row: MessageRow, found: SentMessageSummary): Promise<ChannelResult> {
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
async function abandon(row: MessageRow): Promise<ChannelResult> {
  await db().reminderMessage.updateMany({
    where: { id: row.id, claimToken: row.claimToken, twilioSid: null },
    data: { status: 'FAILED', statusRank: statusRank.FAILED, failedAt: new Date() },
  });
  return { kind: 'failed', errorCode: row.errorCode };
}

async function finishReminder(
  reminderId: string,
  status: 'SKIPPED' | 'FAILED' | 'CANCELLED',
  reason: ReasonCode,
  errorCode: number | null = null,
): Promise<void> {
  await db().$transaction(async (tx) => {
    const { count } = await tx.reminder.updateMany({
      where: { id: reminderId, status: { in: ['SCHEDULED', 'SENDING'] } },
      data: { status, reason, errorCode, ...(status === 'CANCELLED' ? { cancelledAt: new Date() } : {}) },
    });
    if (count === 1) {
      await tx.reminderEvent.create({ data: { reminderId, type: status, detail: reason, errorCode } });
    }
  });
}
