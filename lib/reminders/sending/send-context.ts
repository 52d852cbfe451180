// What the parts of one send share: its dependencies, its outcome and each
// channel's result, and the message statuses that decide what a run may do.
import 'server-only';

import type { TwilioClient } from '@/lib/twilio/client';
import type { findRecentMessages } from '@/lib/twilio/find-recent-messages';
import type { AcceptedMessage, OutboundMessage } from '@/lib/twilio/send-message';

import type { Channel, ChannelPlan } from './choose-channels';
import type { ReminderConfig } from '../templates/get-reminder-config';
import type { LoadedReminder } from './load-reminder';

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

export const ACCEPTED = new Set(['QUEUED', 'SENT', 'DELIVERED', 'READ']);
export const IN_FLIGHT = new Set(['CLAIMED', 'UNCERTAIN', 'RETRY']);

export type ChannelResult =
  | { kind: 'accepted' }
  | { kind: 'failed'; errorCode: number | null }
  | { kind: 'busy' };

/** The claim this run holds on one channel: every write about it is guarded on the token. */
export interface HeldClaim {
  id: string;
  token: string;
  channel: Channel;
  to: string;
}

export interface SendContext {
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
