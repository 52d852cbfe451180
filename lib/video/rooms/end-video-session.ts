// "End session for everyone": Twilio completes the room (disconnecting
// everyone), the patient's admission ends, and patients and guests cannot get
// a new token until the clinician starts again. Also used by markNoShow.
import 'server-only';

import { recordChange } from '@/lib/audit/record-change';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { errorFields, log } from '@/lib/log/logger';
import { completeRoom } from '@/lib/twilio/video-rooms';

import { markRoomEnded } from './create-room';
import { notifyVideoChange } from '../events/notify-video-change';
import { requireStaffVideoAccess } from '../access/staff-video-access';

/** Completes every room of the session still in progress at Twilio; returns how many. */
export async function completeOpenRooms(sessionId: string): Promise<number> {
  const rooms = await db().videoRoom.findMany({
    where: { sessionId, status: 'IN_PROGRESS', twilioRoomSid: { not: null } },
    select: { id: true, twilioRoomSid: true },
  });
  for (const room of rooms) {
    try {
      const ended = await completeRoom(room.twilioRoomSid!);
      await markRoomEnded(room.id, sessionId, ended.endTime ?? new Date(), ended.durationSeconds);
    } catch (err) {
      log.warn('video.room_complete_failed', { roomId: room.id, ...errorFields(err) });
      throw new AppError('UPSTREAM_FAILED', "We couldn't end the video call just now. Please try again.", {
        cause: err,
      });
    }
  }
  return rooms.length;
}

export async function closeSession(sessionId: string, actorId: string | null, now: Date): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.videoSession.update({ where: { id: sessionId }, data: { endedAt: now, endedById: actorId } });
    await tx.waitingRoomEntry.updateMany({
      where: { sessionId, status: { in: ['WAITING', 'ADMITTED'] } },
      data: { status: 'LEFT', leftAt: now },
    });
    await notifyVideoChange(tx, sessionId, 'session');
  });
}

export async function endSessionForEveryone(
  user: SessionUser,
  appointmentId: string,
  now: Date = new Date(),
) {
  const { appointment, sessionId } = await requireStaffVideoAccess(user, appointmentId, 'host');
  const roomsEnded = await completeOpenRooms(sessionId);
  await closeSession(sessionId, user.id, now);
  await recordChange(db(), user, 'UPDATE', {
    type: 'VideoSession',
    id: sessionId,
    patientId: appointment.patientId,
    detail: { operation: 'end', roomsEnded },
  });
  return { roomsEnded };
}
