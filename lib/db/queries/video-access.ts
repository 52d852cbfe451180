// What the video routes read on every request: an appointment's video facts
// (the token route) and a join link with what decides whether it still works.
import 'server-only';

import type {
  Appointment,
  Clinic,
  JoinLink,
  Patient,
  VideoParticipant,
  VideoRoom,
  VideoSession,
  WaitingRoomEntry,
} from '@/lib/db/generated/client';

import { definePreparedQuery, defineQuery } from './define-query';

type OrNull<T> = { [K in keyof T]: T[K] | null };

export type AppointmentVideoFactsRow = Pick<
  Appointment,
  'id' | 'clinicianId' | 'kind' | 'status' | 'startsAt' | 'endsAt' | 'patientId'
> & {
  clinicId: Patient['clinicId'];
  timeZone: Clinic['timezone'];
} & OrNull<{
    sessionId: VideoSession['id'];
    sessionEndedAt: VideoSession['endedAt'];
    waitingStatus: WaitingRoomEntry['status'];
    roomId: VideoRoom['id'];
    roomGeneration: VideoRoom['generation'];
    roomUniqueName: VideoRoom['uniqueName'];
    roomSid: VideoRoom['twilioRoomSid'];
    roomStatus: VideoRoom['status'];
    roomMediaRegion: VideoRoom['mediaRegion'];
    roomMaxParticipants: VideoRoom['maxParticipants'];
    roomClaimedAt: VideoRoom['claimedAt'];
    roomStartedAt: VideoRoom['startedAt'];
    roomVerifiedAt: VideoRoom['verifiedAt'];
    roomFailureCode: VideoRoom['failureCode'];
    participantIdentity: VideoParticipant['identity'];
    linkId: JoinLink['id'];
    linkSessionId: JoinLink['sessionId'];
    linkAppointmentId: VideoSession['appointmentId'];
    linkRevokedAt: JoinLink['revokedAt'];
    linkLastUsedAt: JoinLink['lastUsedAt'];
  }>;

/** $1 appointment id, $2 the caller's principal key ('' for none), $3 a join link id ('' for none). */
export const appointmentVideoFacts = definePreparedQuery<AppointmentVideoFactsRow>(
  'appointment-video-facts-v1',
  `
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
     WHERE a."id" = $1`,
  {
    id: 'text',
    clinicianId: 'text',
    kind: 'text',
    status: 'text',
    startsAt: 'timestamptz',
    endsAt: 'timestamptz',
    patientId: 'text',
    clinicId: 'text',
    timeZone: 'text',
    sessionId: 'text',
    sessionEndedAt: 'timestamptz',
    waitingStatus: 'text',
    roomId: 'text',
    roomGeneration: 'int4',
    roomUniqueName: 'text',
    roomSid: 'text',
    roomStatus: 'text',
    roomMediaRegion: 'text',
    roomMaxParticipants: 'int4',
    roomClaimedAt: 'timestamptz',
    roomStartedAt: 'timestamptz',
    roomVerifiedAt: 'timestamptz',
    roomFailureCode: 'int4',
    participantIdentity: 'text',
    linkId: 'text',
    linkSessionId: 'text',
    linkAppointmentId: 'text',
    linkRevokedAt: 'timestamptz',
    linkLastUsedAt: 'timestamptz',
  },
);

export type JoinLinkStateRow = Pick<JoinLink, 'id' | 'sessionId' | 'revokedAt' | 'lastUsedAt'> & {
  appointmentId: VideoSession['appointmentId'];
  appointmentStatus: Appointment['status'];
  endsAt: Appointment['endsAt'];
  clinicPhone: Clinic['contactPhone'];
  /** Whether a newer link for the same session exists. */
  replaced: boolean;
};

/** $1 join link id: the link with what decides whether it still works, in one round trip. */
export const joinLinkState = defineQuery<JoinLinkStateRow>(
  'join-link-state',
  `SELECT l."id", l."sessionId", l."revokedAt", l."lastUsedAt", s."appointmentId",
             a."status"::text AS "appointmentStatus", a."endsAt", c."contactPhone" AS "clinicPhone",
             EXISTS (SELECT 1 FROM "JoinLink" n
                      WHERE n."sessionId" = l."sessionId" AND n."id" <> l."id"
                        AND n."createdAt" >= l."createdAt") AS "replaced"
        FROM "JoinLink" l
        JOIN "VideoSession" s ON s."id" = l."sessionId"
        JOIN "Appointment" a ON a."id" = s."appointmentId"
        JOIN "Patient" p ON p."id" = a."patientId"
        JOIN "Clinic" c ON c."id" = p."clinicId"
       WHERE l."id" = $1`,
  {
    id: 'text',
    sessionId: 'text',
    revokedAt: 'timestamp',
    lastUsedAt: 'timestamp',
    appointmentId: 'text',
    appointmentStatus: 'text',
    endsAt: 'timestamp',
    clinicPhone: 'text',
    replaced: 'bool',
  },
);
