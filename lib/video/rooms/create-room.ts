// Makes sure an appointment's video session has a Twilio room in progress, and
// returns it. Safe under any number of concurrent callers on any number of
// server instances:
//
// - The database decides who creates each room: a VideoRoom row is claimed by
//   inserting (sessionId, generation), which is unique, before Twilio is
//   called. Everyone else finds the claim and waits for it to be filled in.
// - Twilio's 53113 (UniqueName in use) is handled too: a caller that takes over
//   a stale claim, or retries after a timeout, adopts the room an earlier
//   attempt already created instead of failing.
// - A room that has ended is replaced by the next generation (the caller has
//   already checked that the appointment is within its join window).
import 'server-only';

import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { errorFields, log } from '@/lib/log/logger';
import { TwilioError } from '@/lib/twilio/errors';
import { createGroupRoom, fetchRoom } from '@/lib/twilio/video-rooms';

import type { VideoRoomRow } from './appointment-video-facts';
import { notifyVideoChange } from '../events/notify-video-change';
import { newRoomUniqueName, ROOM_MAX_PARTICIPANTS, roomSettings } from './room-settings';
import { isUniqueViolation } from './unique-violation';

export type ReadyRoom = {
  id: string;
  sid: string;
  status: 'IN_PROGRESS';
  mediaRegion: string;
  maxParticipants: number;
  generation: number;
  startedAt: Date | null;
  /** True when this call created the room at Twilio. */
  created: boolean;
};

/** A claim older than this belongs to a request that died (Twilio's client gives up after 15 s). */
export const CLAIM_STALE_MS = 30_000;
/** How long a caller waits for someone else's claim before giving up. */
const WAIT_FOR_CLAIM_MS = 20_000;
const POLL_MS = 40;
/** A room Twilio has not confirmed for this long (no callback, no fetch) is checked before use. */
export const VERIFY_AFTER_MS = 2 * 60_000;

const roomSelect = {
  id: true,
  sessionId: true,
  generation: true,
  uniqueName: true,
  twilioRoomSid: true,
  status: true,
  mediaRegion: true,
  maxParticipants: true,
  claimedAt: true,
  startedAt: true,
  verifiedAt: true,
  failureCode: true,
} as const;

type RoomRow = VideoRoomRow;

const START_FAILED =
  "We couldn't start the video room just now. Please try again in a minute; if it keeps happening, contact the clinic.";

/**
 * `known` is the session's latest room as the caller has just read it (the
 * token route reads it with the appointment): when it is in progress and
 * recently confirmed, no further query is needed.
 */
export async function ensureRoom(sessionId: string, known?: RoomRow | null): Promise<ReadyRoom> {
  const deadline = Date.now() + WAIT_FOR_CLAIM_MS;
  /** Claims we saw in flight: if one of them fails, so does this call (no stampede of retries). */
  const waitedOn = new Set<string>();
  let prefetched = known === undefined ? undefined : known;

  for (;;) {
    if (Date.now() > deadline) {
      throw new AppError(
        'UPSTREAM_FAILED',
        'The video room is taking longer than usual to start. Please try again.',
      );
    }
    const latest =
      prefetched !== undefined
        ? prefetched
        : await db().videoRoom.findFirst({
            where: { sessionId },
            orderBy: { generation: 'desc' },
            select: roomSelect,
          });
    prefetched = undefined;

    if (latest?.status === 'IN_PROGRESS' && latest.twilioRoomSid) {
      const confirmed = await confirmInProgress(latest);
      if (confirmed) return ready(confirmed, false);
      continue; // it had ended: the next turn claims a new generation
    }

    if (latest?.status === 'CREATING') {
      if (Date.now() - latest.claimedAt.getTime() < CLAIM_STALE_MS) {
        waitedOn.add(latest.id);
        await sleep(POLL_MS);
        continue;
      }
      // The claimer died or timed out: take the claim over (only one caller can).
      const took = await db().videoRoom.updateMany({
        where: { id: latest.id, status: 'CREATING', claimedAt: latest.claimedAt },
        data: { claimedAt: new Date() },
      });
      if (took.count === 1) return createAtTwilio(latest);
      continue;
    }

    if (latest?.status === 'FAILED' && waitedOn.has(latest.id)) {
      throw new AppError('UPSTREAM_FAILED', START_FAILED);
    }

    // No room yet, or the last one ended or failed: claim the next generation.
    const settings = roomSettings(newRoomUniqueName());
    try {
      const claimed = await db().videoRoom.create({
        data: {
          sessionId,
          generation: (latest?.generation ?? 0) + 1,
          uniqueName: settings.uniqueName,
          status: 'CREATING',
          mediaRegion: settings.mediaRegion,
          maxParticipants: settings.maxParticipants,
        },
        select: roomSelect,
      });
      return createAtTwilio(claimed);
    } catch (err) {
      if (isUniqueViolation(err)) continue; // someone else claimed it first: wait for theirs
      throw err;
    }
  }
}

async function createAtTwilio(claim: RoomRow): Promise<ReadyRoom> {
  try {
    const { room, existed } = await createGroupRoom(roomSettings(claim.uniqueName));
    if (existed) log.info('video.room_adopted', { roomId: claim.id, roomSid: room.sid });
    const now = new Date();
    const row = await db().$transaction(async (tx) => {
      const updated = await tx.videoRoom.update({
        where: { id: claim.id },
        data: {
          status: 'IN_PROGRESS',
          twilioRoomSid: room.sid,
          mediaRegion: room.mediaRegion ?? claim.mediaRegion,
          maxParticipants: room.maxParticipants || ROOM_MAX_PARTICIPANTS,
          startedAt: room.dateCreated,
          verifiedAt: now,
        },
        select: roomSelect,
      });
      await notifyVideoChange(tx, claim.sessionId, 'room');
      return updated;
    });
    log.info('video.room_created', { roomId: row.id, roomSid: room.sid, generation: row.generation });
    return ready(row, !existed);
  } catch (err) {
    if (!(err instanceof TwilioError)) throw err;
    log.warn('video.room_create_failed', { roomId: claim.id, ...errorFields(err), kind: err.kind });
    if (err.kind === 'timeout' || err.kind === 'network') {
      // Twilio may have created it after all: leave the claim, marked stale at once,
      // so the next caller retries with the same name and adopts it (53113).
      await db().videoRoom.updateMany({
        where: { id: claim.id, status: 'CREATING' },
        data: { claimedAt: new Date(0) },
      });
    } else {
      await db().videoRoom.updateMany({
        where: { id: claim.id, status: 'CREATING' },
        data: { status: 'FAILED', failureCode: err.code },
      });
    }
    throw new AppError('UPSTREAM_FAILED', START_FAILED, { cause: err });
  }
}

/** The row if Twilio still has the room in progress; null (and the row marked ended) if not. */
async function confirmInProgress(row: RoomRow): Promise<RoomRow | null> {
  if (row.verifiedAt && Date.now() - row.verifiedAt.getTime() < VERIFY_AFTER_MS) return row;
  let room;
  try {
    room = await fetchRoom(row.twilioRoomSid!);
  } catch (err) {
    // Twilio unreachable: the room is most likely still there; let the caller try it.
    log.warn('video.room_verify_failed', { roomId: row.id, ...errorFields(err) });
    return row;
  }
  if (room?.status === 'in-progress') {
    const verifiedAt = new Date();
    await db().videoRoom.update({ where: { id: row.id }, data: { verifiedAt } });
    return { ...row, verifiedAt };
  }
  await markRoomEnded(row.id, row.sessionId, room?.endTime ?? new Date(), room?.durationSeconds ?? null);
  return null;
}

export async function markRoomEnded(
  roomId: string,
  sessionId: string,
  endedAt: Date,
  durationSeconds: number | null,
): Promise<void> {
  await db().$transaction(async (tx) => {
    const changed = await tx.videoRoom.updateMany({
      where: { id: roomId, status: { not: 'COMPLETED' } },
      data: { status: 'COMPLETED', endedAt, ...(durationSeconds !== null ? { durationSeconds } : {}) },
    });
    if (changed.count > 0) await notifyVideoChange(tx, sessionId, 'room');
  });
}

function ready(row: RoomRow, created: boolean): ReadyRoom {
  return {
    id: row.id,
    sid: row.twilioRoomSid!,
    status: 'IN_PROGRESS',
    mediaRegion: row.mediaRegion,
    maxParticipants: row.maxParticipants,
    generation: row.generation,
    startedAt: row.startedAt,
    created,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
