// Stores one room status callback from Twilio (signature-checked and parsed at the edge) and
// updates what follows from it. Each event is stored once: a redelivery has
// the same key and changes nothing. The event is kept even when the room is
// not known yet (Twilio can report room-created before our create call returns).
import 'server-only';

import { randomUUID } from 'node:crypto';

import { db } from '@/lib/db/client';
import { runPrepared } from '@/lib/db/queries/run-query';
import { recordRoomEventQuery } from '@/lib/db/queries/video-events';
import type { RoomStatusWebhook } from '@/lib/schemas/twilio-webhooks';

import { completeAttendedSession } from '../attendance/complete-attended-session';
import { markRoomEnded } from '../rooms/create-room';
import { refreshAttendanceSoon } from '../attendance/refresh-attendance-soon';

/** A room status callback as parsed at the edge (lib/schemas/twilio-webhooks.ts). */
export type RoomCallback = RoomStatusWebhook;

/** Twilio reports the room alive with every event; writing that down once a minute is enough. */
const VERIFIED_RESOLUTION_MS = 60_000;

export function roomEventKey(e: RoomCallback): string {
  return [
    e.RoomSid,
    e.StatusCallbackEvent,
    e.ParticipantSid ?? '',
    e.TrackSid ?? '',
    e.Timestamp.toISOString(),
    e.SequenceNumber ?? '',
  ].join('|');
}

/** Whether an event can change attendance (audio tracks and track removals cannot). */
export function affectsAttendance(e: Pick<RoomCallback, 'StatusCallbackEvent' | 'TrackKind'>): boolean {
  switch (e.StatusCallbackEvent) {
    case 'participant-connected':
    case 'participant-disconnected':
    case 'room-ended':
      return true;
    case 'track-added':
      return e.TrackKind === 'video';
    default:
      return false;
  }
}

export type RecordedRoomEvent = { stored: boolean; sessionId: string | null };

export async function recordRoomEvent(e: RoomCallback): Promise<RecordedRoomEvent> {
  const key = roomEventKey(e);
  const [row] = await runPrepared(recordRoomEventQuery, [
    newId(),
    key,
    e.RoomSid,
    e.StatusCallbackEvent,
    e.SequenceNumber ?? null,
    e.Timestamp.toISOString(),
    e.RoomStatus ?? null,
    e.RoomDuration ?? null,
    e.ParticipantSid ?? null,
    e.ParticipantIdentity ?? null,
    e.ParticipantStatus ?? null,
    e.ParticipantDuration ?? null,
    e.TrackSid ?? null,
    e.TrackKind ?? null,
  ]);
  const result = row!;
  if (!result.roomId || !result.sessionId) return { stored: result.inserted, sessionId: null };
  // A redelivery changes nothing, unless the figures never took the event in (the refresh failed).
  if (!result.inserted && !(result.stale && affectsAttendance(e)))
    return { stored: false, sessionId: result.sessionId };

  if (e.StatusCallbackEvent === 'room-ended') {
    await markRoomEnded(result.roomId, result.sessionId, e.Timestamp, e.RoomDuration ?? null);
  } else if (
    result.roomStatus === 'IN_PROGRESS' &&
    (!result.verifiedAt || Date.now() - result.verifiedAt.getTime() > VERIFIED_RESOLUTION_MS)
  ) {
    await db().videoRoom.updateMany({
      where: { id: result.roomId, status: 'IN_PROGRESS' },
      data: { verifiedAt: new Date() },
    });
  }
  if (affectsAttendance(e)) await refreshAttendanceSoon(result.sessionId);
  // Both sides connected and the room is over: the appointment is Completed. A
  // participant's callback can arrive after room-ended (Twilio retries late): check again then.
  if (
    e.StatusCallbackEvent === 'room-ended' ||
    (affectsAttendance(e) && e.ParticipantSid && result.roomStatus === 'COMPLETED')
  ) {
    await completeAttendedSession(result.sessionId);
  }
  return { stored: result.inserted, sessionId: result.sessionId };
}

/** The row's primary key (raw SQL bypasses Prisma's cuid default; uniqueness is all it needs). */
function newId(): string {
  return `ev${randomUUID().replaceAll('-', '')}`;
}
