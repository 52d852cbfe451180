// Room events: stored from Twilio's callbacks and read back to derive
// attendance and the statuses staff see. All run on every room callback or
// dashboard refresh, so they are prepared statements (decision 008) that take
// many sessions at once: arrays in, times out as timestamptz in UTC.
import 'server-only';

import type { VideoRoom, VideoRoomEvent } from '@/lib/db/generated/client';

import { definePreparedQuery, defineStatement } from './define-query';

type EventFields = Pick<
  VideoRoomEvent,
  | 'roomSid'
  | 'event'
  | 'occurredAt'
  | 'sequenceNumber'
  | 'participantSid'
  | 'participantIdentity'
  | 'participantDuration'
  | 'trackKind'
  | 'roomDuration'
>;

const eventColumns = {
  roomSid: 'text',
  event: 'text',
  occurredAt: 'timestamptz',
  sequenceNumber: 'int4',
  participantSid: 'text',
  participantIdentity: 'text',
  participantDuration: 'int4',
  trackKind: 'text',
  roomDuration: 'int4',
} as const;

export type SessionEventRow = EventFields & { sessionId: VideoRoom['sessionId'] };

/** $1: session ids. The events that statuses are derived from. */
export const sessionStatusEvents = definePreparedQuery<SessionEventRow>(
  'session-status-events-v1',
  `
    SELECT r."sessionId", e."roomSid", e."event",
           e."occurredAt" AT TIME ZONE 'UTC' AS "occurredAt", e."sequenceNumber", e."participantSid",
           e."participantIdentity", e."participantDuration", e."trackKind", e."roomDuration"
      FROM "VideoRoom" r JOIN "VideoRoomEvent" e ON e."roomSid" = r."twilioRoomSid"
     WHERE r."sessionId" = ANY($1::text[])
       AND e."event" IN ('participant-connected', 'participant-disconnected', 'room-created', 'room-ended')`,
  { sessionId: 'text', ...eventColumns },
);

export type AttendanceEventRow = SessionEventRow & { roomId: VideoRoom['id'] };

/** $1: session ids. Every event of their rooms. */
export const attendanceEvents = definePreparedQuery<AttendanceEventRow>(
  'attendance-events-v2',
  `
    SELECT r."sessionId", r."id" AS "roomId", e."roomSid", e."event",
           e."occurredAt" AT TIME ZONE 'UTC' AS "occurredAt", e."sequenceNumber", e."participantSid",
           e."participantIdentity", e."participantDuration", e."trackKind", e."roomDuration"
      FROM "VideoRoom" r JOIN "VideoRoomEvent" e ON e."roomSid" = r."twilioRoomSid"
     WHERE r."sessionId" = ANY($1::text[])`,
  { sessionId: 'text', roomId: 'text', ...eventColumns },
);

/**
 * Saves computed attendance, one array element per session ($1–$10) and per
 * room ($12–$16), at $11, and notifies channel $17 with each saved session's
 * notice. Keeps whichever computation saw more events.
 */
export const saveAttendance = defineStatement(
  'attendance-save-v2',
  `
    WITH f AS (
      SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::text[], $6::boolean[],
                           $7::boolean[], $8::text[], $9::int[], $10::text[])
        AS f(id, "patientSeconds", "clinicianSeconds", "jointSeconds", band, "videoPublished", "audioOnly",
             attendance, "eventCount", notice)
    ), s AS (
      UPDATE "VideoSession" v SET
        "patientSeconds" = f."patientSeconds",
        "clinicianSeconds" = f."clinicianSeconds",
        "jointSeconds" = f."jointSeconds",
        "medicareTimeBand" = f.band::"MedicareTimeBand",
        "patientVideoPublished" = f."videoPublished",
        "audioOnly" = f."audioOnly",
        "attendance" = f.attendance::jsonb,
        "attendanceComputedAt" = $11::timestamptz AT TIME ZONE 'UTC',
        "attendanceEventCount" = f."eventCount",
        "updatedAt" = now()
      FROM f
      WHERE v."id" = f.id
        AND (v."attendanceEventCount" IS NULL OR v."attendanceEventCount" <= f."eventCount")
      RETURNING v."id", f.notice
    ), rooms AS (
      UPDATE "VideoRoom" v SET
        "participantSeconds" = r.seconds,
        "participantMinutes" = r.minutes,
        "durationSeconds" = COALESCE(r.duration, v."durationSeconds"),
        "updatedAt" = now()
      FROM unnest($12::text[], $13::text[], $14::int[], $15::int[], $16::int[])
        AS r(id, "sessionId", seconds, minutes, duration)
      WHERE v."id" = r.id AND r."sessionId" IN (SELECT "id" FROM s)
      RETURNING v."id"
    )
    SELECT pg_notify($17, s.notice) FROM s`,
);

export type RecordRoomEventRow = {
  inserted: boolean;
  roomId: VideoRoom['id'] | null;
  sessionId: VideoRoom['sessionId'] | null;
  roomStatus: VideoRoom['status'] | null;
  verifiedAt: VideoRoom['verifiedAt'];
  /** For a redelivery: whether the session's figures predate the stored event (a refresh failed earlier). */
  stale: boolean;
};

/**
 * Stores an event ($1 id, $2 dedupe key, $3 room SID, … $6 time as ISO text)
 * once, and finds its room and session in the same round trip.
 */
export const recordRoomEventQuery = definePreparedQuery<RecordRoomEventRow>(
  'record-room-event-v1',
  `
    WITH ins AS (
      INSERT INTO "VideoRoomEvent" ("id", "dedupeKey", "roomSid", "event", "sequenceNumber", "occurredAt",
        "roomStatus", "roomDuration", "participantSid", "participantIdentity", "participantStatus",
        "participantDuration", "trackSid", "trackKind")
      VALUES ($1, $2, $3, $4, $5::int, $6::timestamptz AT TIME ZONE 'UTC',
        $7, $8::int, $9, $10, $11, $12::int, $13, $14)
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING "id"
    )
    SELECT EXISTS (SELECT 1 FROM ins) AS "inserted",
           r."id" AS "roomId", r."sessionId", r."status"::text AS "roomStatus",
           r."verifiedAt" AT TIME ZONE 'UTC' AS "verifiedAt",
           COALESCE(s."attendanceComputedAt" < (SELECT "receivedAt" FROM "VideoRoomEvent" WHERE "dedupeKey" = $2), true) AS "stale"
      FROM (SELECT 1) one
      LEFT JOIN "VideoRoom" r ON r."twilioRoomSid" = $3
      LEFT JOIN "VideoSession" s ON s."id" = r."sessionId"`,
  {
    inserted: 'bool',
    roomId: 'text',
    sessionId: 'text',
    roomStatus: 'text',
    verifiedAt: 'timestamptz',
    stale: 'bool',
  },
);
