// video.twilio.com v1 Room Participants: list, fetch, update (Status=disconnected
// removes a participant). Participants themselves appear through the control
// API's join, standing in for the Video SDK.
import type { EmulatorContext } from '../context';
import { iso8601 } from '../formats';
import { pageV1 } from '../pagination';
import { findParticipant, leaveRoom, participantsOf, seconds } from '../room-lifecycle';
import type { ParticipantRecord } from '../state';
import { apiErrors } from '../twilio-api-error';
import { addItemRoutes, type ItemRoute, type RegisterResource } from './resource';
import { roomOr404, videoBase } from './rooms';

export function participantJson(p: ParticipantRecord, accountSid: string): Record<string, unknown> {
  const url = `${videoBase}/Rooms/${p.roomSid}/Participants/${p.sid}`;
  return {
    account_sid: accountSid,
    date_created: iso8601(p.dateCreated),
    date_updated: iso8601(p.dateUpdated),
    duration: p.endTime ? seconds(p.startTime, p.endTime) : null,
    end_time: p.endTime ? iso8601(p.endTime) : null,
    identity: p.identity,
    links: {
      published_tracks: `${url}/PublishedTracks`,
      subscribed_tracks: `${url}/SubscribedTracks`,
      subscribe_rules: `${url}/SubscribeRules`,
      anonymize: `${url}/Anonymize`,
    },
    room_sid: p.roomSid,
    sid: p.sid,
    start_time: iso8601(p.startTime),
    status: p.status,
    url,
  };
}

function participantOr404(
  ctx: EmulatorContext,
  roomSid: string,
  sid: string,
  path: string,
): ParticipantRecord {
  const room = roomOr404(ctx, roomSid, path);
  const participant = findParticipant(ctx, room, sid);
  if (!participant) throw apiErrors.notFound(path);
  return participant;
}

export const registerRoomParticipants: RegisterResource = (router, ctx) => {
  const accountSid = (): string => ctx.state.account.sid;
  const toJson = (p: ParticipantRecord) => participantJson(p, accountSid());
  const item: ItemRoute<ParticipantRecord> = {
    product: 'video',
    path: '/v1/Rooms/{RoomSid}/Participants/{Sid}',
    find: ({ params, path }) => participantOr404(ctx, params.RoomSid ?? '', params.Sid ?? '', path),
  };

  // GET /v1/Rooms/{RoomSid}/Participants – by Status (default: connected, or disconnected once the room ended) and Identity
  router.add({
    product: 'video',
    method: 'get',
    path: '/v1/Rooms/{RoomSid}/Participants',
    handle: ({ params, path, query }) => {
      const room = roomOr404(ctx, params.RoomSid ?? '', path);
      const status = query.get('Status') ?? (room.status === 'in-progress' ? 'connected' : 'disconnected');
      const identity = query.get('Identity');
      const after = query.get('DateCreatedAfter');
      const before = query.get('DateCreatedBefore');
      const participants = participantsOf(ctx, room).filter(
        (p) =>
          p.status === status &&
          (identity === null || p.identity === identity) &&
          (after === null || p.dateCreated > new Date(after)) &&
          (before === null || p.dateCreated < new Date(before)),
      );
      const base = `${videoBase}/Rooms/${room.sid}/Participants`;
      const list = { base, key: 'participants', toJson, token: (p: ParticipantRecord) => p.sid };
      return { status: 200, body: pageV1(participants, query, list) };
    },
  });

  // /v1/Rooms/{RoomSid}/Participants/{Sid} – GET one participant, by SID or (while connected)
  // identity; POST Status=disconnected removes the participant from the room (202)
  addItemRoutes(router, item, toJson, {
    update: (participant, { form, path }) => {
      if (form.get('Status') !== 'disconnected') {
        throw apiErrors.invalidParameter('Status can only be set to disconnected');
      }
      leaveRoom(ctx, roomOr404(ctx, participant.roomSid, path), participant);
    },
    updateStatus: 202,
  });
};
