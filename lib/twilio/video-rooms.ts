import 'server-only';

// Video rooms through Twilio's REST API. The only module that creates, reads or
// ends rooms; lib/video decides when. Twilio errors come back as TwilioError.
import { twilioClient, type TwilioClient } from './client';
import { toTwilioError, TwilioError } from './errors';

export type TwilioRoomStatus = 'in-progress' | 'completed' | 'failed';

/** The parts of Twilio's Room resource the portal keeps. */
export interface TwilioRoom {
  sid: string;
  uniqueName: string;
  status: TwilioRoomStatus;
  mediaRegion: string | null;
  maxParticipants: number;
  dateCreated: Date;
  endTime: Date | null;
  durationSeconds: number | null;
}

export interface GroupRoomSettings {
  /** Random and opaque: it is visible to anyone holding a token, and in Twilio's console. */
  uniqueName: string;
  mediaRegion: string;
  statusCallback: string | undefined;
  maxParticipants: number;
  /** Minutes the room stays open after the last person leaves (a dropped patient can come back). */
  emptyRoomTimeout: number;
  /** Minutes the room stays open if nobody joins. */
  unusedRoomTimeout: number;
}

/** Twilio's 53113: an in-progress room already has this UniqueName. */
export const ROOM_EXISTS = 53113;
const NOT_FOUND = 20404;

type RoomInstanceLike = {
  sid: string;
  uniqueName: string;
  status: string;
  mediaRegion: string | null;
  maxParticipants: number;
  dateCreated: Date;
  endTime: Date | null;
  duration: number | null;
};

function toRoom(room: RoomInstanceLike): TwilioRoom {
  return {
    sid: room.sid,
    uniqueName: room.uniqueName,
    status: room.status as TwilioRoomStatus,
    mediaRegion: room.mediaRegion,
    maxParticipants: room.maxParticipants,
    dateCreated: room.dateCreated,
    endTime: room.endTime ?? null,
    durationSeconds: room.duration ?? null,
  };
}

/**
 * Creates a group room. When Twilio answers 53113 (a room with this name is in
 * progress: an earlier attempt of ours that timed out, or another instance
 * that took over a stale claim) the existing room is returned instead.
 */
export async function createGroupRoom(
  settings: GroupRoomSettings,
  client: TwilioClient = twilioClient(),
): Promise<{ room: TwilioRoom; existed: boolean }> {
  try {
    const room = await client.video.v1.rooms.create({
      type: 'group',
      uniqueName: settings.uniqueName,
      mediaRegion: settings.mediaRegion,
      maxParticipants: settings.maxParticipants,
      emptyRoomTimeout: settings.emptyRoomTimeout,
      unusedRoomTimeout: settings.unusedRoomTimeout,
      recordParticipantsOnConnect: false,
      ...(settings.statusCallback
        ? { statusCallback: settings.statusCallback, statusCallbackMethod: 'POST' }
        : {}),
    });
    return { room: toRoom(room), existed: false };
  } catch (err) {
    const error = toTwilioError(err);
    if (error.code !== ROOM_EXISTS) throw error;
    const existing = await fetchRoom(settings.uniqueName, client);
    if (!existing) throw error;
    return { room: existing, existed: true };
  }
}

/** A room by SID (or, while in progress, by UniqueName); null when Twilio has no such room. */
export async function fetchRoom(
  sidOrUniqueName: string,
  client: TwilioClient = twilioClient(),
): Promise<TwilioRoom | null> {
  try {
    return toRoom(await client.video.v1.rooms(sidOrUniqueName).fetch());
  } catch (err) {
    const error = toTwilioError(err);
    if (error.code === NOT_FOUND || error.status === 404) return null;
    throw error;
  }
}

/** Ends the room for everyone (Status=completed). Ending an ended room changes nothing. */
export async function completeRoom(sid: string, client: TwilioClient = twilioClient()): Promise<TwilioRoom> {
  try {
    return toRoom(await client.video.v1.rooms(sid).update({ status: 'completed' }));
  } catch (err) {
    throw toTwilioError(err);
  }
}

export { TwilioError };
