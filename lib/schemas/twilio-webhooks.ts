// What Twilio posts to the portal's webhooks, parsed once at the edge
// (lib/twilio/webhook.ts) so handlers get typed values. Each schema names the
// fields the portal uses; the many others Twilio adds (AccountSid, ApiVersion…)
// are dropped, never refused. Text is bounded and free of control characters
// (PostgreSQL refuses NUL), numbers are bounded to what their columns hold;
// anything else is a 400, which Twilio does not retry.
import { z } from 'zod';

import { freeText, singleLine } from './safe-text';

const sid = (prefix: string, label: string) =>
  z.string().regex(new RegExp(`^${prefix}[0-9a-fA-F]{32}$`), `must be a ${label} SID`);

const messageSid = z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/, 'must be a Message SID');

/** A whole number that fits PostgreSQL's int (Twilio's durations, sequence numbers). */
const smallCount = z
  .string()
  .regex(/^\d{1,9}$/, 'must be a whole number below 1,000,000,000')
  .transform(Number);

/** Twilio error codes are five-digit numbers; six digits leaves room. */
const errorCode = z.string().regex(/^\d{1,6}$/, 'must be a Twilio error code');

/** An amount in US dollars, as Twilio writes it ("12.50"), within what the alert columns hold. */
const usdAmount = (signed: boolean) =>
  z
    .string()
    .regex(signed ? /^-?\d{1,12}(\.\d{1,12})?$/ : /^\d{1,12}(\.\d{1,12})?$/, 'must be an amount in dollars')
    .transform(Number)
    .refine((n) => Math.abs(n) < MAX_USD, `must be below ${MAX_USD.toLocaleString('en-AU')} dollars`);

/** Billing alerts are stored as numeric(12,4) and int thresholds: well above any clinic's spend. */
export const MAX_USD = 10_000_000;

// POST /api/twilio/messages/status – a reminder message's delivery status.
// The raw strings go on to lib/reminders/status/record-message-status.ts, which normalises them.
export const messageStatusWebhookSchema = z.object({
  MessageSid: messageSid,
  MessageStatus: singleLine(32).pipe(z.string().trim().min(1, 'must name a status')),
  ErrorCode: errorCode.optional(),
  To: singleLine(64).optional(),
});
export type MessageStatusWebhook = z.output<typeof messageStatusWebhookSchema>;

// POST /api/twilio/messages/inbound – a patient's reply. Body is free text: new lines allowed.
export const inboundMessageWebhookSchema = z.object({
  MessageSid: messageSid,
  From: singleLine(64).pipe(z.string().min(3, 'must be a sender address')),
  Body: freeText(1600).default(''),
  OptOutType: singleLine(16).optional(),
});
export type InboundMessageWebhook = z.output<typeof inboundMessageWebhookSchema>;

// POST /api/twilio/readiness/message-status – a readiness test message's status.
export const readinessMessageStatusWebhookSchema = z.object({
  MessageSid: messageSid,
  MessageStatus: singleLine(32).pipe(z.string().min(1, 'must name a status')),
  ErrorCode: errorCode.transform(Number).optional(),
});
export type ReadinessMessageStatusWebhook = z.output<typeof readinessMessageStatusWebhookSchema>;

// POST /api/twilio/usage-triggers – a billing threshold was reached.
export const usageTriggerWebhookSchema = z.object({
  UsageTriggerSid: sid('UT', 'Usage Trigger'),
  UsageCategory: singleLine(100).pipe(z.string().min(1, 'must name a usage category')),
  TriggerValue: usdAmount(false),
  CurrentValue: usdAmount(true),
  DateFired: singleLine(64).optional(),
});
export type UsageTriggerWebhook = z.output<typeof usageTriggerWebhookSchema>;

// POST /api/appointments/twilio-status-callback/ – a video room event.
const optionalText = singleLine(256).optional();
export const roomStatusWebhookSchema = z.object({
  RoomSid: sid('RM', 'Room'),
  StatusCallbackEvent: singleLine(64).pipe(z.string().min(1, 'must name an event')),
  Timestamp: z.iso.datetime({ offset: true }).transform((v) => new Date(v)),
  SequenceNumber: smallCount.optional(),
  RoomStatus: optionalText,
  RoomDuration: smallCount.optional(),
  ParticipantSid: optionalText,
  ParticipantIdentity: optionalText,
  ParticipantStatus: optionalText,
  ParticipantDuration: smallCount.optional(),
  TrackSid: optionalText,
  TrackKind: optionalText,
});
export type RoomStatusWebhook = z.output<typeof roomStatusWebhookSchema>;
