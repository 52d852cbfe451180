// video.twilio.com v1 Rooms: create, fetch, list, update (Status=completed).
// UniqueName is unique among in-progress rooms (53113 "Room exists"), and a
// room can be addressed by its UniqueName instead of its SID while in progress.
import type { EmulatorContext } from '../context';
import { iso8601, newSid } from '../formats';
import { completeRoom, findRoom, onRoomCreated, seconds } from '../room-lifecycle';
import type { RoomRecord, RoomStatus, RoomType } from '../state';
import { apiErrors, TwilioApiError } from '../twilio-api-error';
import { addItemRoutes, addList, type ItemRoute, type RegisterResource } from './resource';

export const videoBase = 'https://video.twilio.com/v1';

// Twilio's group-room media regions (https://www.twilio.com/docs/video/ip-addresses).
const mediaRegions = ['au1', 'br1', 'de1', 'ie1', 'in1', 'jp1', 'sg1', 'us1', 'us2', 'gll'];

const maxParticipantsByType: Record<RoomType, number> = {
  group: 50,
  'group-small': 4,
  'peer-to-peer': 10,
  go: 2,
};

export function roomJson(room: RoomRecord, accountSid: string): Record<string, unknown> {
  const url = `${videoBase}/Rooms/${room.sid}`;
  return {
    account_sid: accountSid,
    audio_only: room.audioOnly,
    date_created: iso8601(room.dateCreated),
    date_updated: iso8601(room.dateUpdated),
    duration: room.endTime ? seconds(room.dateCreated, room.endTime) : null,
    empty_room_timeout: room.emptyRoomTimeout,
    enable_turn: true,
    end_time: room.endTime ? iso8601(room.endTime) : null,
    large_room: room.largeRoom,
    links: {
      participants: `${url}/Participants`,
      recordings: `${url}/Recordings`,
      transcriptions: `${url}/Transcriptions`,
      recording_rules: `${url}/RecordingRules`,
    },
    max_concurrent_published_tracks: room.type === 'group' ? 170 : 0,
    max_participant_duration: room.maxParticipantDuration,
    max_participants: room.maxParticipants,
    media_region: room.mediaRegion,
    record_participants_on_connect: room.recordParticipantsOnConnect,
    sid: room.sid,
    status: room.status,
    status_callback: room.statusCallback,
    status_callback_method: room.statusCallbackMethod,
    type: room.type,
    unique_name: room.uniqueName,
    unused_room_timeout: room.unusedRoomTimeout,
    url,
    video_codecs: room.videoCodecs,
  };
}

function intParam(form: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = form.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (value < min || value > max)
    throw apiErrors.invalidParameter(`${name} must be between ${min} and ${max}`);
  return value;
}

function createRoom(ctx: EmulatorContext, form: URLSearchParams): RoomRecord {
  const type = (form.get('Type') ?? 'group') as RoomType;
  const uniqueName = form.get('UniqueName');
  if (uniqueName !== null && findRoom(ctx, uniqueName)?.status === 'in-progress') {
    throw new TwilioApiError(400, 53113, 'Room exists');
  }
  const mediaRegion = form.get('MediaRegion');
  if (mediaRegion !== null && !mediaRegions.includes(mediaRegion)) {
    throw apiErrors.invalidParameter(`MediaRegion must be one of ${mediaRegions.join(', ')}`);
  }
  const typeMax = maxParticipantsByType[type];
  const now = new Date();
  const sid = newSid('RM');
  const room: RoomRecord = {
    sid,
    uniqueName: uniqueName ?? sid,
    status: 'in-progress',
    type,
    maxParticipants: intParam(form, 'MaxParticipants', typeMax, 1, typeMax),
    maxParticipantDuration: intParam(form, 'MaxParticipantDuration', 14_400, 600, 86_400),
    mediaRegion: type === 'group' || type === 'group-small' ? (mediaRegion ?? 'us1') : null,
    audioOnly: form.get('AudioOnly')?.toLowerCase() === 'true',
    emptyRoomTimeout: intParam(form, 'EmptyRoomTimeout', 5, 1, 60),
    unusedRoomTimeout: intParam(form, 'UnusedRoomTimeout', 5, 1, 60),
    largeRoom: form.get('LargeRoom')?.toLowerCase() === 'true',
    recordParticipantsOnConnect: form.get('RecordParticipantsOnConnect')?.toLowerCase() === 'true',
    videoCodecs: form.has('VideoCodecs') ? form.getAll('VideoCodecs') : ['VP8', 'H264'],
    statusCallback: form.get('StatusCallback'),
    statusCallbackMethod: form.get('StatusCallbackMethod') === 'GET' ? 'GET' : 'POST',
    dateCreated: now,
    dateUpdated: now,
    endTime: null,
    nextSequenceNumber: 0,
    everJoined: false,
  };
  ctx.state.rooms.set(room.sid, room);
  ctx.log.info('emulator.room_created', { roomSid: room.sid, type, mediaRegion: room.mediaRegion });
  onRoomCreated(ctx, room);
  return room;
}

export function roomOr404(ctx: EmulatorContext, sidOrName: string, path: string): RoomRecord {
  const room = findRoom(ctx, sidOrName);
  if (!room) throw apiErrors.notFound(path);
  return room;
}

export const registerRooms: RegisterResource = (router, ctx) => {
  const accountSid = (): string => ctx.state.account.sid;

  // POST /v1/Rooms – create a room
  router.add({
    product: 'video',
    method: 'post',
    path: '/v1/Rooms',
    handle: ({ form }) => ({ status: 201, body: roomJson(createRoom(ctx, form), accountSid()) }),
  });

  const toJson = (r: RoomRecord) => roomJson(r, accountSid());
  const item: ItemRoute<RoomRecord> = {
    product: 'video',
    path: '/v1/Rooms/{Sid}',
    find: ({ params, path }) => roomOr404(ctx, params.Sid ?? '', path),
  };

  // GET /v1/Rooms – rooms filtered by Status (in-progress unless asked), UniqueName and creation date, newest first
  addList(router, 'video', '/v1/Rooms', { base: `${videoBase}/Rooms`, key: 'rooms', toJson }, ({ query }) => {
    // Twilio's description: "Read only the rooms with this status. Can be: in-progress (default) or completed".
    const status = (query.get('Status') ?? 'in-progress') as RoomStatus;
    const uniqueName = query.get('UniqueName');
    const after = query.get('DateCreatedAfter');
    const before = query.get('DateCreatedBefore');
    return [...ctx.state.rooms.values()]
      .filter(
        (r) =>
          r.status === status &&
          (uniqueName === null || r.uniqueName === uniqueName) &&
          (after === null || r.dateCreated >= new Date(after)) &&
          (before === null || r.dateCreated < new Date(before)),
      )
      .reverse();
  });

  // /v1/Rooms/{Sid} – GET one room, by SID or (while in progress) UniqueName; POST Status=completed
  // ends it and disconnects everyone (202 Accepted, as Twilio's description gives, and for participants')
  addItemRoutes(router, item, toJson, {
    update: (room, { form }) => {
      if (form.get('Status') !== 'completed') {
        throw apiErrors.invalidParameter('Status can only be set to completed');
      }
      // Completing a room that has already ended leaves it as it is.
      completeRoom(ctx, room);
    },
    updateStatus: 202,
  });
};
