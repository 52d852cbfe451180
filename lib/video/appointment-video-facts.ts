// What the video rules need to know about an appointment, in one query: the
// appointment, its clinic's time zone, the video session, the patient's
// waiting-room state, the latest room and (when asked) the caller's identity.
// One round trip because the token route is hot. No names: nothing here is
// shown to the caller.
import 'server-only';

import { preparedQuery } from '@/lib/db/client';
import type {
  AppointmentKind,
  AppointmentStatus,
  VideoRoomStatus,
  WaitingRoomStatus,
} from '@/lib/db/generated/enums';

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

type Row = {
  id: string;
  clinicianId: string;
  kind: AppointmentKind;
  status: AppointmentStatus;
  startsAt: Date;
  endsAt: Date;
  patientId: string;
  clinicId: string;
  timeZone: string;
  sessionId: string | null;
  sessionEndedAt: Date | null;
  waitingStatus: WaitingRoomStatus | null;
  roomId: string | null;
  roomGeneration: number | null;
  roomUniqueName: string | null;
  roomSid: string | null;
  roomStatus: VideoRoomStatus | null;
  roomMediaRegion: string | null;
  roomMaxParticipants: number | null;
  roomClaimedAt: Date | null;
  roomStartedAt: Date | null;
  roomVerifiedAt: Date | null;
  roomFailureCode: number | null;
  participantIdentity: string | null;
  linkId: string | null;
  linkSessionId: string | null;
  linkAppointmentId: string | null;
  linkRevokedAt: Date | null;
  linkLastUsedAt: Date | null;
};

// Timestamps AT TIME ZONE 'UTC' and enums as text: see preparedQuery.
const FACTS_SQL = `
    SELECT a."id", a."clinicianId", a."kind"::text AS "kind", a."status"::text AS "status",
           a."startsAt" AT TIME ZONE 'UTC' AS "startsAt", a."endsAt" AT TIME ZONE 'UTC' AS "endsAt",
           a."patientId", p."clinicId", c."timezone" AS "timeZone",
           s."id" AS "sessionId", s."endedAt" AT TIME ZONE 'UTC' AS "sessionEndedAt",
           w."status"::text AS "waitingStatus",
           r."id" AS "roomId", r."generation" AS "roomGeneration", r."uniqueName" AS "roomUniqueName",
           r."twilioRoomSid" AS "roomSid", r."status"::text AS "roomStatus", r."mediaRegion" AS "roomMediaRegion",
           r."maxParticipants" AS "roomMaxParticipants", r."claimedAt" AT TIME ZONE 'UTC' AS "roomClaimedAt",
           r."startedAt" AT TIME ZONE 'UTC' AS "roomStartedAt", r."verifiedAt" AT TIME ZONE 'UTC' AS "roomVerifiedAt",
           r."failureCode" AS "roomFailureCode",
           vp."identity" AS "participantIdentity",
           jl."id" AS "linkId", jl."sessionId" AS "linkSessionId", ls."appointmentId" AS "linkAppointmentId",
           jl."revokedAt" AT TIME ZONE 'UTC' AS "linkRevokedAt", jl."lastUsedAt" AT TIME ZONE 'UTC' AS "linkLastUsedAt"
      FROM "Appointment" a
      JOIN "Patient" p ON p."id" = a."patientId"
      JOIN "Clinic" c ON c."id" = p."clinicId"
      LEFT JOIN "VideoSession" s ON s."appointmentId" = a."id"
      LEFT JOIN "WaitingRoomEntry" w ON w."sessionId" = s."id"
      LEFT JOIN LATERAL (
        SELECT * FROM "VideoRoom" vr WHERE vr."sessionId" = s."id" ORDER BY vr."generation" DESC LIMIT 1
      ) r ON true
      LEFT JOIN "VideoParticipant" vp ON vp."sessionId" = s."id" AND vp."principalKey" = $2
      LEFT JOIN "JoinLink" jl ON jl."id" = $3
      LEFT JOIN "VideoSession" ls ON ls."id" = jl."sessionId"
     WHERE a."id" = $1`;

export async function loadAppointmentVideoFacts(
  appointmentId: string,
  options: { principalKey?: string; joinLinkId?: string } = {},
): Promise<AppointmentVideoFacts | null> {
  if (!appointmentId || appointmentId.length > 64) return null;
  const rows = await preparedQuery<Row>('appointment-video-facts-v1', FACTS_SQL, [
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
