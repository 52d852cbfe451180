// The emulator's own controls, for tests and development: reset, account
// settings, numbers, injected failures, message outcomes, the outbox, and
// simulated Video participants. startTwilioEmulator() returns these functions;
// control-routes.ts serves the same ones as JSON under /__emulator/.
import type { EmulatorContext } from './context';
import { isE164, newSid, withoutChannel } from './formats';
import type { Product } from './openapi-spec';
import {
  completeRoom,
  findParticipant,
  findRoom,
  fireRoomEvent,
  joinRoom,
  leaveRoom,
  participantsOf,
  roomEvents,
  type RoomEvent,
} from './room-lifecycle';
import type {
  AccountStatus,
  AccountType,
  ApprovalStatus,
  CallbackRecord,
  FailureRule,
  Fault,
  MessageOutcome,
  OutcomeRule,
  PhoneCapabilities,
  RoomRecord,
  TrackKind,
} from './state';
import { TwilioApiError } from './twilio-api-error';
import { usageCategories } from './usage';
import { evaluateUsageTriggers, fireUsageTrigger, currentValue } from './usage-trigger-lifecycle';

/** A control call that cannot be done; the HTTP layer answers it with `status`. */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly twilioCode?: number,
  ) {
    super(message);
    this.name = 'ControlError';
  }
}

export interface AccountSettings {
  type?: AccountType;
  status?: AccountStatus;
  balance?: number;
  currency?: string;
  friendlyName?: string;
}

export interface FailureInput {
  method?: string;
  product?: Product;
  /** Path after the Twilio host; `*` is one segment, `**` any number: "/2010-04-01/Accounts/*\/Messages.json". */
  path?: string;
  to?: string;
  fault: Fault;
  /** How many matching calls fail (default 1). */
  times?: number;
  /** Keep failing until cleared or reset. */
  always?: boolean;
}

export interface OutcomeInput {
  /** Only messages to this number (a channel prefix is ignored); otherwise any message. */
  to?: string;
  status: MessageOutcome['status'];
  /** Defaults: 30003 (unreachable handset) for undelivered, 30008 (unknown error) for failed. */
  errorCode?: number;
  /** How many messages it applies to (default 1; with `to` and no times, every message to that number). */
  times?: number;
  always?: boolean;
}

export interface RoomEventInput {
  event: RoomEvent;
  /** SID or identity; required for participant-* and track-* events. */
  participant?: string;
  trackKind?: TrackKind;
}

export interface OutboxEntry {
  sid: string;
  from: string | null;
  to: string;
  body: string;
  status: string;
  errorCode: number | null;
  contentSid: string | null;
  contentVariables: string | null;
  messagingServiceSid: string | null;
  statusCallback: string | null;
  sendAt: string | null;
  dateCreated: string;
  dateSent: string | null;
}

export interface ParticipantSummary {
  sid: string;
  identity: string;
  status: string;
  tracks: Array<{ sid: string; kind: TrackKind; name: string }>;
}

export interface RoomSummary {
  sid: string;
  uniqueName: string;
  status: string;
  type: string;
  mediaRegion: string | null;
  maxParticipants: number;
  statusCallback: string | null;
  participants: ParticipantSummary[];
}

export interface KeyInput {
  /** An existing key to change (its age or region), or none to make a new one. */
  sid?: string;
  secret?: string;
  friendlyName?: string;
  region?: string;
  dateCreated?: Date;
}

export interface KeySummary {
  sid: string;
  secret: string;
  friendlyName: string;
  region: string;
  dateCreated: string;
}

export interface ContentInput {
  friendlyName: string;
  body: string;
  language?: string;
  variables?: Record<string, string>;
  /** The WhatsApp approval request and where it stands; none means never submitted. */
  whatsapp?: { status: ApprovalStatus; category?: string; name?: string; rejectionReason?: string };
}

export interface UsageInput {
  category: string;
  count?: number;
  usage?: number;
  price: number;
  date?: Date;
}

export interface UsageTriggerSummary {
  sid: string;
  friendlyName: string;
  usageCategory: string;
  triggerBy: string;
  triggerValue: string;
  recurring: string;
  callbackUrl: string;
  dateFired: string | null;
}

const defaultErrorCodes = { undelivered: 30003, failed: 30008 } as const;

export function createControl(ctx: EmulatorContext) {
  const { state } = ctx;

  const requireNumber = (phoneNumber: string): string => {
    if (!isE164(phoneNumber))
      throw new ControlError(400, 'phone numbers must be in E.164 form, e.g. +61412345678');
    return withoutChannel(phoneNumber);
  };

  const requireRoom = (sidOrName: string): RoomRecord => {
    const room = findRoom(ctx, sidOrName);
    if (!room) throw new ControlError(404, `no room ${sidOrName}`);
    return room;
  };

  const summary = (room: RoomRecord): RoomSummary => ({
    sid: room.sid,
    uniqueName: room.uniqueName,
    status: room.status,
    type: room.type,
    mediaRegion: room.mediaRegion,
    maxParticipants: room.maxParticipants,
    statusCallback: room.statusCallback,
    participants: participantsOf(ctx, room).map((p) => ({
      sid: p.sid,
      identity: p.identity,
      status: p.status,
      tracks: p.tracks.map((t) => ({ ...t })),
    })),
  });

  return {
    /** Forgets messages, rooms, rules and callbacks, cancels every timer, restores the start-up account. */
    reset(): void {
      ctx.scheduler.cancelAll();
      state.reset();
      ctx.log.info('emulator.reset');
    },

    account(): Required<AccountSettings> & { sid: string } {
      const a = state.account;
      return {
        sid: a.sid,
        type: a.type,
        status: a.status,
        balance: a.balance,
        currency: a.currency,
        friendlyName: a.friendlyName,
      };
    },

    setAccount(settings: AccountSettings): void {
      const a = state.account;
      Object.assign(a, Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)));
      a.dateUpdated = new Date();
      ctx.log.info('emulator.account_updated', { type: a.type, status: a.status });
    },

    /** Upgrades a Trial account to Full, as paying for it in the Console does. */
    upgradeAccount(): void {
      state.account.type = 'Full';
      state.account.dateUpdated = new Date();
      ctx.log.info('emulator.account_upgraded');
    },

    /** Adds an API key (usable for authentication at once) or changes an existing key's age or region. */
    addApiKey(input: KeyInput = {}): KeySummary {
      if (input.sid !== undefined && !/^SK[0-9a-fA-F]{32}$/.test(input.sid)) {
        throw new ControlError(400, 'API key SIDs are "SK" followed by 32 hex characters');
      }
      const key = state.addKey(input);
      return {
        sid: key.sid,
        secret: key.secret,
        friendlyName: key.friendlyName,
        region: key.region,
        dateCreated: key.dateCreated.toISOString(),
      };
    },

    removeIncomingPhoneNumber(phoneNumber: string): void {
      if (!state.phoneNumbers.delete(requireNumber(phoneNumber))) {
        throw new ControlError(404, 'the account does not own that number');
      }
    },

    /** Adds a Content template (HX…), optionally with a WhatsApp approval decision. */
    addContent(input: ContentInput): { sid: string } {
      const now = new Date();
      const sid = newSid('HX');
      state.contents.set(sid, {
        sid,
        friendlyName: input.friendlyName,
        language: input.language ?? 'en',
        variables: input.variables ?? {},
        body: input.body,
        dateCreated: now,
        dateUpdated: now,
        whatsapp: input.whatsapp
          ? {
              name: input.whatsapp.name ?? input.friendlyName,
              category: input.whatsapp.category ?? 'UTILITY',
              status: input.whatsapp.status,
              rejectionReason: input.whatsapp.rejectionReason ?? '',
            }
          : null,
      });
      return { sid };
    },

    /** Meta's decision on a template's WhatsApp approval request. */
    setContentApproval(
      sid: string,
      decision: { status: ApprovalStatus; category?: string; rejectionReason?: string },
    ): void {
      const content = state.contents.get(sid);
      if (!content) throw new ControlError(404, `no content ${sid}`);
      content.whatsapp = {
        name: content.whatsapp?.name ?? content.friendlyName,
        category: decision.category ?? content.whatsapp?.category ?? 'UTILITY',
        status: decision.status,
        rejectionReason: decision.rejectionReason ?? '',
      };
      content.dateUpdated = new Date();
    },

    /** Adds usage on a day (default now) and fires any usage trigger it takes over its threshold. */
    addUsage(input: UsageInput): { fired: string[] } {
      if (input.category === usageCategories.totalPrice) {
        throw new ControlError(
          400,
          'totalprice is the sum of the other categories; add usage to one of them',
        );
      }
      const quantity = input.usage ?? input.count ?? 1;
      state.usageEntries.push({
        category: input.category,
        count: input.count ?? quantity,
        usage: quantity,
        price: input.price,
        date: input.date ?? new Date(),
      });
      return { fired: evaluateUsageTriggers(ctx) };
    },

    usageTriggers(): UsageTriggerSummary[] {
      return [...state.usageTriggers.values()].map((t) => ({
        sid: t.sid,
        friendlyName: t.friendlyName,
        usageCategory: t.usageCategory,
        triggerBy: t.triggerBy,
        triggerValue: t.triggerValue,
        recurring: t.recurring,
        callbackUrl: t.callbackUrl,
        dateFired: t.dateFired?.toISOString() ?? null,
      }));
    },

    /** Fires every trigger whose threshold the usage has reached (once per period). */
    evaluateUsageTriggers(): { fired: string[] } {
      return { fired: evaluateUsageTriggers(ctx) };
    },

    /** Sends one trigger's signed callback now, whatever the usage, as if its threshold were reached. */
    fireUsageTrigger(sid: string): void {
      const trigger = state.usageTriggers.get(sid);
      if (!trigger) throw new ControlError(404, `no usage trigger ${sid}`);
      fireUsageTrigger(ctx, trigger, Math.max(Number(trigger.triggerValue), currentValue(ctx, trigger)));
    },

    addVerifiedCallerId(phoneNumber: string, friendlyName?: string): void {
      state.addCallerId(requireNumber(phoneNumber), friendlyName);
    },

    addIncomingPhoneNumber(
      phoneNumber: string,
      options: { friendlyName?: string; capabilities?: Partial<PhoneCapabilities> } = {},
    ): void {
      const capabilities = { voice: true, sms: true, mms: true, fax: false, ...options.capabilities };
      state.addPhoneNumber(requireNumber(phoneNumber), { friendlyName: options.friendlyName, capabilities });
    },

    /** Registers a WhatsApp sender of the account ("whatsapp:+61…" or "+61…"). */
    addWhatsAppSender(address: string): void {
      state.whatsappSenders.add(requireNumber(address));
    },

    /** The person messaged us on WhatsApp within 24 hours, so free-form (non-template) messages are delivered. */
    openWhatsAppSession(phoneNumber: string): void {
      state.whatsappSessions.add(requireNumber(phoneNumber));
    },

    injectFailure(input: FailureInput): FailureRule {
      const { fault, times, always, ...match } = input;
      const rule: FailureRule = { id: state.id(), match, fault, remaining: always ? 'always' : (times ?? 1) };
      state.failureRules.push(rule);
      return rule;
    },

    failures(): FailureRule[] {
      return state.failureRules.map((r) => ({ ...r }));
    },

    clearFailures(): void {
      state.failureRules = [];
    },

    setMessageOutcome(input: OutcomeInput): OutcomeRule {
      const errorCode =
        input.status === 'undelivered' || input.status === 'failed'
          ? (input.errorCode ?? defaultErrorCodes[input.status])
          : null;
      const persistent = input.always === true || (input.to !== undefined && input.times === undefined);
      const rule: OutcomeRule = {
        id: state.id(),
        to: input.to === undefined ? null : requireNumber(input.to),
        outcome: { status: input.status, errorCode },
        remaining: persistent ? 'always' : (input.times ?? 1),
      };
      // Rules for one number take precedence over rules for any message.
      if (rule.to !== null) state.outcomeRules.unshift(rule);
      else state.outcomeRules.push(rule);
      return rule;
    },

    clearMessageOutcomes(): void {
      state.outcomeRules = [];
    },

    /** Every message accepted since the last reset, oldest first, with its current status. */
    outbox(): OutboxEntry[] {
      return [...state.messages.values()].map((m) => ({
        sid: m.sid,
        from: m.from,
        to: m.to,
        body: m.body,
        status: m.status,
        errorCode: m.errorCode,
        contentSid: m.contentSid,
        contentVariables: m.contentVariables,
        messagingServiceSid: m.messagingServiceSid,
        statusCallback: m.statusCallback,
        sendAt: m.sendAt?.toISOString() ?? null,
        dateCreated: m.dateCreated.toISOString(),
        dateSent: m.dateSent?.toISOString() ?? null,
      }));
    },

    rooms(): RoomSummary[] {
      return [...state.rooms.values()].map(summary);
    },

    /** Simulates someone connecting to the room with the Video SDK (participant-connected, track-added…). */
    joinRoom(roomSidOrName: string, identity: string, tracks?: TrackKind[]): ParticipantSummary {
      const room = requireRoom(roomSidOrName);
      try {
        const p = joinRoom(ctx, room, identity, tracks);
        return {
          sid: p.sid,
          identity: p.identity,
          status: p.status,
          tracks: p.tracks.map((t) => ({ ...t })),
        };
      } catch (err) {
        // Twilio's refusal (room full, completed, bad identity) becomes a 409 with its code.
        if (err instanceof TwilioApiError) throw new ControlError(409, err.message, err.code);
        throw err;
      }
    },

    /** Simulates the participant closing the call (track-removed…, participant-disconnected). */
    leaveRoom(roomSidOrName: string, participantSidOrIdentity: string): void {
      const room = requireRoom(roomSidOrName);
      const participant = findParticipant(ctx, room, participantSidOrIdentity);
      if (!participant)
        throw new ControlError(404, `no participant ${participantSidOrIdentity} in room ${room.sid}`);
      leaveRoom(ctx, room, participant);
    },

    /** Ends the room as its timeout would (the REST API's Status=completed does the same). */
    endRoom(roomSidOrName: string): void {
      completeRoom(ctx, requireRoom(roomSidOrName));
    },

    /**
     * Sends one raw room status callback without changing any state, for testing how
     * the app copes with odd sequences (a duplicate, a late participant-disconnected…).
     */
    fireRoomEvent(roomSidOrName: string, input: RoomEventInput): void {
      if (!roomEvents.includes(input.event)) throw new ControlError(400, `unknown event ${input.event}`);
      const room = requireRoom(roomSidOrName);
      const needsParticipant = input.event.startsWith('participant-') || input.event.startsWith('track-');
      const participant =
        input.participant === undefined ? undefined : findParticipant(ctx, room, input.participant);
      if (needsParticipant && !participant)
        throw new ControlError(400, `${input.event} needs a participant of this room`);
      let track = undefined;
      if (input.event.startsWith('track-') && participant) {
        const kind = input.trackKind ?? 'audio';
        track = participant.tracks.find((t) => t.kind === kind) ?? {
          sid: newSid('MT'),
          kind,
          name: `${kind}-track`,
        };
      }
      fireRoomEvent(ctx, room, input.event, { participant, track });
    },

    /** Status callbacks sent since the last reset: target, event, attempts, result (never their bodies). */
    callbacks(): CallbackRecord[] {
      return state.callbacks.map((c) => ({ ...c }));
    },

    /** Differences between the emulator's responses and Twilio's response schemas; empty when all is well. */
    responseProblems(): string[] {
      return [...state.responseProblems];
    },

    /** Resolves when no status step is imminent and no callback is in flight. */
    idle(): Promise<void> {
      return ctx.scheduler.idle();
    },
  };
}

export type EmulatorControl = ReturnType<typeof createControl>;
