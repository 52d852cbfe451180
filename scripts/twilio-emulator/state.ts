// Everything the emulator remembers between requests. Plain records; the rules
// that change them live in the resource and lifecycle modules.
import { randomBytes } from 'node:crypto';

import { newSid } from './formats';
import type { Product } from './openapi-spec';

export type AccountType = 'Trial' | 'Full';
export type AccountStatus = 'active' | 'suspended' | 'closed';

export interface AccountRecord {
  sid: string;
  authToken: string;
  friendlyName: string;
  type: AccountType;
  status: AccountStatus;
  balance: number;
  currency: string;
  dateCreated: Date;
  dateUpdated: Date;
}

export interface PhoneCapabilities {
  voice: boolean;
  sms: boolean;
  mms: boolean;
  fax: boolean;
}

export interface PhoneNumberRecord {
  sid: string;
  phoneNumber: string;
  friendlyName: string;
  capabilities: PhoneCapabilities;
  dateCreated: Date;
}

export interface CallerIdRecord {
  sid: string;
  phoneNumber: string;
  friendlyName: string;
  dateCreated: Date;
}

export type MessageStatus =
  | 'accepted'
  | 'scheduled'
  | 'queued'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'undelivered'
  | 'failed'
  | 'canceled'
  | 'read';

export const finalMessageStatuses: readonly MessageStatus[] = [
  'delivered',
  'undelivered',
  'failed',
  'canceled',
  'read',
];

/** Where a message's delivery ends; decided when it is accepted. */
export interface MessageOutcome {
  status: 'delivered' | 'undelivered' | 'failed' | 'read';
  errorCode: number | null;
}

export interface MessageRecord {
  sid: string;
  from: string | null;
  to: string;
  body: string;
  status: MessageStatus;
  numSegments: number;
  numMedia: number;
  messagingServiceSid: string | null;
  statusCallback: string | null;
  contentSid: string | null;
  contentVariables: string | null;
  sendAt: Date | null;
  errorCode: number | null;
  errorMessage: string | null;
  dateCreated: Date;
  dateUpdated: Date;
  dateSent: Date | null;
  outcome: MessageOutcome;
  /** Cancels the pending scheduled send or status step, if any. */
  cancelPending?: () => void;
}

export type RoomType = 'group' | 'group-small' | 'peer-to-peer' | 'go';
export type RoomStatus = 'in-progress' | 'completed' | 'failed';

export interface RoomRecord {
  sid: string;
  uniqueName: string;
  status: RoomStatus;
  type: RoomType;
  maxParticipants: number;
  maxParticipantDuration: number;
  mediaRegion: string | null;
  audioOnly: boolean;
  emptyRoomTimeout: number;
  unusedRoomTimeout: number;
  largeRoom: boolean;
  recordParticipantsOnConnect: boolean;
  videoCodecs: string[];
  statusCallback: string | null;
  statusCallbackMethod: 'GET' | 'POST';
  dateCreated: Date;
  dateUpdated: Date;
  endTime: Date | null;
  /** Twilio numbers each room's status callbacks from 0. */
  nextSequenceNumber: number;
  everJoined: boolean;
  /** Cancels the armed empty/unused-room timeout, if any. */
  cancelTimeout?: () => void;
}

export type TrackKind = 'audio' | 'video' | 'data';

export interface TrackRecord {
  sid: string;
  kind: TrackKind;
  name: string;
}

export interface ParticipantRecord {
  sid: string;
  roomSid: string;
  identity: string;
  status: 'connected' | 'disconnected';
  dateCreated: Date;
  dateUpdated: Date;
  startTime: Date;
  endTime: Date | null;
  tracks: TrackRecord[];
}

/** Which API calls a failure rule applies to; every given field must match. */
export interface RequestMatch {
  method?: string;
  product?: Product;
  /** Path after the host; `*` stands for one path segment, `**` for any number. */
  path?: string;
  /** The `To` parameter of the request (form or query), compared without a channel prefix. */
  to?: string;
}

export type Fault =
  | { type: 'error'; code: number; status: number; message?: string }
  | { type: 'rate-limit' }
  | { type: 'server-error'; status?: 500 | 502 | 503 }
  | { type: 'timeout'; holdMs?: number }
  | { type: 'connection-reset' };

export interface FailureRule {
  id: number;
  match: RequestMatch;
  fault: Fault;
  /** How many more matching calls fail; 'always' until cleared or reset. */
  remaining: number | 'always';
}

export interface OutcomeRule {
  id: number;
  to: string | null;
  outcome: MessageOutcome;
  remaining: number | 'always';
}

export interface CallbackRecord {
  id: number;
  kind: 'message-status' | 'room-status' | 'usage-trigger';
  event: string;
  resourceSid: string;
  url: string;
  method: 'GET' | 'POST';
  idempotencyToken: string;
  attempts: number;
  result: 'pending' | 'delivered' | 'failed';
  responseStatus: number | null;
}

/** An API key (SK…). Twilio keys belong to one region; a key made in au1 is unknown to us1. */
export interface KeyRecord {
  sid: string;
  secret: string;
  friendlyName: string;
  region: string;
  dateCreated: Date;
  dateUpdated: Date;
}

export type UsageTriggerRecurring = 'daily' | 'monthly' | 'yearly' | 'alltime';
export type UsageTriggerField = 'count' | 'usage' | 'price';

export interface UsageTriggerRecord {
  sid: string;
  friendlyName: string;
  usageCategory: string;
  triggerBy: UsageTriggerField;
  triggerValue: string;
  recurring: UsageTriggerRecurring;
  callbackUrl: string;
  callbackMethod: 'GET' | 'POST';
  dateCreated: Date;
  dateUpdated: Date;
  dateFired: Date | null;
  /** The value that last fired it; Twilio reports it as current_value. */
  currentValue: string | null;
}

/** Usage added through the control API, on top of what the emulator's own traffic adds up to. */
export interface UsageEntry {
  category: string;
  /** Things counted (messages, segments, numbers…). */
  count: number;
  /** Billable quantity (minutes, segments…). */
  usage: number;
  price: number;
  date: Date;
}

export type ApprovalStatus = 'received' | 'pending' | 'approved' | 'rejected' | 'paused' | 'disabled';

export interface ContentRecord {
  sid: string;
  friendlyName: string;
  language: string;
  variables: Record<string, string>;
  body: string;
  dateCreated: Date;
  dateUpdated: Date;
  /** The WhatsApp approval request, if one was submitted. */
  whatsapp: { name: string; category: string; status: ApprovalStatus; rejectionReason: string } | null;
}

export interface InitialAccount {
  accountSid: string;
  authToken: string;
  accountType: AccountType;
  accountStatus: AccountStatus;
  balance: number;
  currency: string;
  phoneNumbers: string[];
  verifiedCallerIds: string[];
  whatsappSenders: string[];
  apiKeys: Array<{ sid: string; secret: string; friendlyName?: string; region?: string; dateCreated?: Date }>;
}

export class EmulatorState {
  account!: AccountRecord;
  readonly phoneNumbers = new Map<string, PhoneNumberRecord>();
  readonly callerIds = new Map<string, CallerIdRecord>();
  readonly messages = new Map<string, MessageRecord>();
  readonly rooms = new Map<string, RoomRecord>();
  readonly participants = new Map<string, ParticipantRecord>();
  /** WhatsApp addresses (without prefix) with an open 24-hour customer-service window. */
  readonly whatsappSessions = new Set<string>();
  /** The account's WhatsApp senders (numbers without the whatsapp: prefix). */
  readonly whatsappSenders = new Set<string>();
  readonly keys = new Map<string, KeyRecord>();
  readonly usageTriggers = new Map<string, UsageTriggerRecord>();
  readonly contents = new Map<string, ContentRecord>();
  usageEntries: UsageEntry[] = [];
  failureRules: FailureRule[] = [];
  outcomeRules: OutcomeRule[] = [];
  callbacks: CallbackRecord[] = [];
  responseProblems: string[] = [];
  private nextId = 1;

  constructor(private readonly initial: InitialAccount) {
    this.reset();
  }

  /** Back to the state the emulator started with. Timers are the scheduler's to cancel. */
  reset(): void {
    const now = new Date();
    this.account = {
      sid: this.initial.accountSid,
      authToken: this.initial.authToken,
      friendlyName: 'Emulated Twilio account',
      type: this.initial.accountType,
      status: this.initial.accountStatus,
      balance: this.initial.balance,
      currency: this.initial.currency,
      dateCreated: now,
      dateUpdated: now,
    };
    this.phoneNumbers.clear();
    this.callerIds.clear();
    this.messages.clear();
    this.rooms.clear();
    this.participants.clear();
    this.whatsappSessions.clear();
    this.whatsappSenders.clear();
    this.keys.clear();
    this.usageTriggers.clear();
    this.contents.clear();
    this.usageEntries = [];
    this.failureRules = [];
    this.outcomeRules = [];
    this.callbacks = [];
    this.responseProblems = [];
    for (const number of this.initial.phoneNumbers) this.addPhoneNumber(number);
    for (const number of this.initial.verifiedCallerIds) this.addCallerId(number);
    for (const address of this.initial.whatsappSenders)
      this.whatsappSenders.add(address.replace(/^whatsapp:/, ''));
    for (const key of this.initial.apiKeys) this.addKey(key);
  }

  /** Adds an API key (or changes an existing one's name, region or age). */
  addKey(key: {
    sid?: string;
    secret?: string;
    friendlyName?: string;
    region?: string;
    dateCreated?: Date;
  }): KeyRecord {
    const existing = key.sid ? this.keys.get(key.sid) : undefined;
    const created = key.dateCreated ?? existing?.dateCreated ?? new Date();
    const record: KeyRecord = {
      sid: key.sid ?? newSid('SK'),
      secret: key.secret ?? existing?.secret ?? randomBytes(24).toString('base64url'),
      friendlyName: key.friendlyName ?? existing?.friendlyName ?? 'API key',
      region: key.region ?? existing?.region ?? 'us1',
      dateCreated: created,
      dateUpdated: new Date(Math.max(created.getTime(), existing?.dateUpdated.getTime() ?? 0)),
    };
    this.keys.set(record.sid, record);
    return record;
  }

  /** Adds (or updates) a number the account owns; by default it can do voice, SMS and MMS. */
  addPhoneNumber(
    phoneNumber: string,
    options: Partial<Omit<PhoneNumberRecord, 'sid' | 'phoneNumber'>> = {},
  ): PhoneNumberRecord {
    const existing = this.phoneNumbers.get(phoneNumber);
    const record: PhoneNumberRecord = {
      sid: existing?.sid ?? newSid('PN'),
      phoneNumber,
      friendlyName: options.friendlyName ?? existing?.friendlyName ?? phoneNumber,
      capabilities: options.capabilities ??
        existing?.capabilities ?? { voice: true, sms: true, mms: true, fax: false },
      dateCreated: existing?.dateCreated ?? new Date(),
    };
    this.phoneNumbers.set(phoneNumber, record);
    return record;
  }

  /** Adds a verified caller ID: the only numbers a Trial account may message. */
  addCallerId(phoneNumber: string, friendlyName?: string): CallerIdRecord {
    const record: CallerIdRecord = this.callerIds.get(phoneNumber) ?? {
      sid: newSid('PN'),
      phoneNumber,
      friendlyName: friendlyName ?? phoneNumber,
      dateCreated: new Date(),
    };
    this.callerIds.set(phoneNumber, record);
    return record;
  }

  id(): number {
    return this.nextId++;
  }
}
