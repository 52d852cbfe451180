// What the video rules need to know about an appointment, in one query: the
// appointment, its clinic's time zone, the video session, the patient's
// waiting-room state, the latest room and (when asked) the caller's identity.
// One round trip because the token route is hot. No names: nothing here is
// shown to the caller.
import 'server-only';

import type {
  AppointmentKind,
  AppointmentStatus,
  VideoRoomStatus,
  WaitingRoomStatus,
} from '@/lib/db/generated/enums';
import { appointmentVideoFacts } from '@/lib/db/queries/video-access';
import { runPrepared } from '@/lib/db/queries/run-query';

export type VideoRoomRow = {
  id: string;
  sessionId: string;
  generation: number;
  uniqueName: string;
  twilioRoomSid: string | null;
  status: VideoRoomStatus;
  mediaRegion: string;
  maxParticipants: number;
  claimedAt: Date;
  startedAt: Date | null;
  verifiedAt: Date | null;
  failureCode: number | null;
};

export type AppointmentVideoFacts = {
  id: string;
  clinicId: string;
  clinicianId: string;
  kind: AppointmentKind;
  status: AppointmentStatus;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  patientId: string;
  sessionId: string | null;
  sessionEndedAt: Date | null;
  waitingStatus: WaitingRoomStatus | null;
  /** The session's room of the highest generation, if any. */
  latestRoom: VideoRoomRow | null;
  /** The identity already issued to `principalKey` in this session, if asked and any. */
  participantIdentity: string | null;
  /** The join link asked for (by id), whichever appointment it belongs to, if it exists. */
  joinLink: {
    id: string;
    sessionId: string;
    appointmentId: string;
    revokedAt: Date | null;
    lastUsedAt: Date | null;
  } | null;
};

export async function loadAppointmentVideoFacts(
  appointmentId: string,
  options: { principalKey?: string; joinLinkId?: string } = {},
): Promise<AppointmentVideoFacts | null> {
  if (!appointmentId || appointmentId.length > 64) return null;
  const rows = await runPrepared(appointmentVideoFacts, [
    appointmentId,
    options.principalKey ?? '',
    options.joinLinkId ?? '',
  ]);
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    clinicId: row.clinicId,
    clinicianId: row.clinicianId,
    kind: row.kind,
    status: row.status,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    timeZone: row.timeZone,
    patientId: row.patientId,
    sessionId: row.sessionId,
    sessionEndedAt: row.sessionEndedAt,
    waitingStatus: row.waitingStatus,
    latestRoom:
      row.roomId && row.sessionId
        ? {
            id: row.roomId,
            sessionId: row.sessionId,
            generation: row.roomGeneration!,
            uniqueName: row.roomUniqueName!,
            twilioRoomSid: row.roomSid,
            status: row.roomStatus!,
            mediaRegion: row.roomMediaRegion!,
            maxParticipants: row.roomMaxParticipants!,
            claimedAt: row.roomClaimedAt!,
            startedAt: row.roomStartedAt,
            verifiedAt: row.roomVerifiedAt,
            failureCode: row.roomFailureCode,
          }
        : null,
    participantIdentity: row.participantIdentity,
    joinLink:
      row.linkId && row.linkSessionId && row.linkAppointmentId
        ? {
            id: row.linkId,
            sessionId: row.linkSessionId,
            appointmentId: row.linkAppointmentId,
            revokedAt: row.linkRevokedAt,
            lastUsedAt: row.linkLastUsedAt,
          }
        : null,
  };
}
