// Room callbacks as the portal stores them, for tests of what is derived from
// a sequence of them (attendance, session statuses).
import type { RoomEventRecord } from '@/lib/video/attendance/compute-attendance';

export const ROOM = 'RM00000000000000000000000000000001';
export const ROOM_2 = 'RM00000000000000000000000000000002';

export const clinician = { participantSid: 'PA_clin_1', participantIdentity: 'clinician:c1' };
export const patient = { participantSid: 'PA_pat_1', participantIdentity: 'patient:p1' };
/** The same patient back in the room under a new participant SID. */
export const patientAgain = { participantSid: 'PA_pat_2', participantIdentity: 'patient:p1' };

/**
 * Makes the events of one test file: each gets the next sequence number, in
 * room ROOM unless `extra` says otherwise, with no participant or track.
 */
export function roomEventMaker(at: (minute: number, second?: number) => Date) {
  let seq = 0;
  return (
    event: string,
    minute: number,
    extra: Partial<RoomEventRecord> & { second?: number } = {},
  ): RoomEventRecord => {
    const { second, ...rest } = extra;
    return {
      roomSid: ROOM,
      event,
      occurredAt: at(minute, second),
      sequenceNumber: seq++,
      participantSid: null,
      participantIdentity: null,
      participantDuration: null,
      trackKind: null,
      roomDuration: null,
      ...rest,
    };
  };
}
