// What happens to a Video room over time: participants join and leave (driven
// by the control API, standing in for the Video SDK), an unused or emptied room
// ends after its timeout, and each event is reported to the room's
// StatusCallback with Twilio's field names.
import type { EmulatorContext } from './context';
import { newSid } from './formats';
import type { ParticipantRecord, RoomRecord, TrackKind, TrackRecord } from './state';
import { TwilioApiError } from './twilio-api-error';

export const roomEvents = [
  'room-created',
  'room-ended',
  'participant-connected',
  'participant-disconnected',
  'track-added',
  'track-removed',
  'track-enabled',
  'track-disabled',
] as const;
export type RoomEvent = (typeof roomEvents)[number];

const maxIdentityLength = 128;

/** A room by SID, or an in-progress room by its UniqueName (Twilio accepts either in the URL). */
export function findRoom(ctx: EmulatorContext, sidOrName: string): RoomRecord | undefined {
  const bySid = ctx.state.rooms.get(sidOrName);
  if (bySid) return bySid;
  for (const room of ctx.state.rooms.values()) {
    if (room.uniqueName === sidOrName && room.status === 'in-progress') return room;
  }
  return undefined;
}

export function participantsOf(ctx: EmulatorContext, room: RoomRecord): ParticipantRecord[] {
  return [...ctx.state.participants.values()].filter((p) => p.roomSid === room.sid);
}

/** A participant of the room by SID, or a connected one by identity. */
export function findParticipant(
  ctx: EmulatorContext,
  room: RoomRecord,
  sidOrIdentity: string,
): ParticipantRecord | undefined {
  const participants = participantsOf(ctx, room);
  return (
    participants.find((p) => p.sid === sidOrIdentity) ??
    participants.find((p) => p.identity === sidOrIdentity && p.status === 'connected')
  );
}

export function seconds(from: Date, to: Date): number {
  return Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
}

export function onRoomCreated(ctx: EmulatorContext, room: RoomRecord): void {
  fireRoomEvent(ctx, room, 'room-created');
  armTimeout(ctx, room, room.unusedRoomTimeout);
}

/** Simulates a Video SDK client connecting with an access token for this room. */
export function joinRoom(
  ctx: EmulatorContext,
  room: RoomRecord,
  identity: string,
  trackKinds: TrackKind[] = ['audio', 'video'],
): ParticipantRecord {
  if (room.status !== 'in-progress') throw new TwilioApiError(400, 53118, 'Room completed');
  if (identity === '' || identity.length > maxIdentityLength) {
    throw new TwilioApiError(400, 53200, 'Participant identity is invalid');
  }
  // Twilio disconnects the earlier participant with the same identity (53205) and lets the new one in.
  const duplicate = findParticipant(ctx, room, identity);
  if (duplicate) disconnect(ctx, room, duplicate, 'duplicate-identity');
  const connected = participantsOf(ctx, room).filter((p) => p.status === 'connected');
  if (connected.length >= room.maxParticipants) {
    throw new TwilioApiError(400, 53105, 'Room contains too many Participants');
  }
  room.cancelTimeout?.();
  room.cancelTimeout = undefined;
  room.everJoined = true;
  const now = new Date();
  const participant: ParticipantRecord = {
    sid: newSid('PA'),
    roomSid: room.sid,
    identity,
    status: 'connected',
    dateCreated: now,
    dateUpdated: now,
    startTime: now,
    endTime: null,
    tracks: [],
  };
  ctx.state.participants.set(participant.sid, participant);
  fireRoomEvent(ctx, room, 'participant-connected', { participant });
  for (const kind of trackKinds) {
    const track: TrackRecord = { sid: newSid('MT'), kind, name: `${kind}-${participant.sid.slice(2, 10)}` };
    participant.tracks.push(track);
    fireRoomEvent(ctx, room, 'track-added', { participant, track });
  }
  ctx.log.info('emulator.participant_connected', { roomSid: room.sid, participantSid: participant.sid });
  return participant;
}

/** The participant leaves (or is removed through the REST API); an emptied room ends after EmptyRoomTimeout. */
export function leaveRoom(ctx: EmulatorContext, room: RoomRecord, participant: ParticipantRecord): void {
  if (participant.status !== 'connected') return;
  disconnect(ctx, room, participant, 'left');
  const stillConnected = participantsOf(ctx, room).some((p) => p.status === 'connected');
  if (!stillConnected && room.status === 'in-progress') armTimeout(ctx, room, room.emptyRoomTimeout);
}

/** Ends the room: everyone still connected is disconnected first, then room-ended. */
export function completeRoom(ctx: EmulatorContext, room: RoomRecord): void {
  if (room.status !== 'in-progress') return;
  room.cancelTimeout?.();
  room.cancelTimeout = undefined;
  for (const participant of participantsOf(ctx, room)) {
    if (participant.status === 'connected') disconnect(ctx, room, participant, 'room-ended');
  }
  const now = new Date();
  room.status = 'completed';
  room.endTime = now;
  room.dateUpdated = now;
  fireRoomEvent(ctx, room, 'room-ended');
  ctx.log.info('emulator.room_ended', { roomSid: room.sid, durationSeconds: seconds(room.dateCreated, now) });
}

function disconnect(
  ctx: EmulatorContext,
  room: RoomRecord,
  participant: ParticipantRecord,
  reason: string,
): void {
  for (const track of participant.tracks) fireRoomEvent(ctx, room, 'track-removed', { participant, track });
  participant.tracks = [];
  const now = new Date();
  participant.status = 'disconnected';
  participant.endTime = now;
  participant.dateUpdated = now;
  fireRoomEvent(ctx, room, 'participant-disconnected', { participant });
  ctx.log.info('emulator.participant_disconnected', {
    roomSid: room.sid,
    participantSid: participant.sid,
    reason,
  });
}

function armTimeout(ctx: EmulatorContext, room: RoomRecord, minutes: number): void {
  room.cancelTimeout?.();
  room.cancelTimeout = ctx.scheduler.after(minutes * ctx.config.minuteMs, () => completeRoom(ctx, room), {
    background: true,
  });
}

/** Sends one room status callback (if the room has a StatusCallback), numbered in sequence. */
export function fireRoomEvent(
  ctx: EmulatorContext,
  room: RoomRecord,
  event: RoomEvent,
  about: { participant?: ParticipantRecord; track?: TrackRecord } = {},
): void {
  const sequenceNumber = room.nextSequenceNumber++;
  if (!room.statusCallback) return;
  const now = new Date();
  const params: Record<string, string> = {
    AccountSid: ctx.state.account.sid,
    RoomName: room.uniqueName,
    RoomSid: room.sid,
    RoomStatus: room.status,
    RoomType: room.type,
    SequenceNumber: String(sequenceNumber),
    StatusCallbackEvent: event,
    Timestamp: now.toISOString(),
  };
  const { participant, track } = about;
  if (participant) {
    params.ParticipantSid = participant.sid;
    params.ParticipantIdentity = participant.identity;
    params.ParticipantStatus = participant.status;
    if (participant.status === 'disconnected' && participant.endTime) {
      params.ParticipantDuration = String(seconds(participant.startTime, participant.endTime));
    }
  }
  if (track) {
    params.TrackSid = track.sid;
    params.TrackKind = track.kind;
    params.TrackName = track.name;
  }
  if (event === 'room-ended') params.RoomDuration = String(seconds(room.dateCreated, room.endTime ?? now));
  ctx.callbacks.send({
    kind: 'room-status',
    event,
    resourceSid: room.sid,
    url: room.statusCallback,
    method: room.statusCallbackMethod,
    params,
  });
}
