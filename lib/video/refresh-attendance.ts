// Recomputes a session's attendance from every stored event of its rooms and
// saves the figures: one read, one write, no lock. Events are only ever added,
// so of two computations running at once the one that read more events saw
// everything the other did; the write keeps the one computed from more events
// (attendanceEventCount), so an older picture never replaces a newer one.
import 'server-only';

import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';

import { computeAttendance, type Attendance, type RoomEventRecord } from './compute-attendance';
import { VIDEO_NOTIFY_CHANNEL } from './notify-video-change';

type EventRow = RoomEventRecord & { roomId: string };

export async function refreshAttendance(sessionId: string, asOf: Date = new Date()): Promise<Attendance> {
  const events = await db().$queryRaw<EventRow[]>`
    SELECT r."id" AS "roomId", e."roomSid", e."event", e."occurredAt", e."sequenceNumber", e."participantSid",
           e."participantIdentity", e."participantDuration", e."trackKind", e."roomDuration"
      FROM "VideoRoom" r JOIN "VideoRoomEvent" e ON e."roomSid" = r."twilioRoomSid"
     WHERE r."sessionId" = ${sessionId}`;
  const attendance = computeAttendance(events, asOf);
  const roomIds = new Map(events.map((e) => [e.roomSid, e.roomId]));
  const roomFigures = attendance.rooms
    .filter((r) => roomIds.has(r.roomSid))
    .map(
      (r) =>
        Prisma.sql`(${roomIds.get(r.roomSid)}, ${r.participantSeconds}::int, ${r.participantMinutes}::int, ${r.durationSeconds}::int)`,
    );
  const attended = attendance.patientAttended;

  await db().$executeRaw`
    WITH s AS (
      UPDATE "VideoSession" SET
        "patientSeconds" = ${attendance.patientSeconds}::int,
        "clinicianSeconds" = ${attendance.clinicianSeconds}::int,
        "jointSeconds" = ${attendance.jointSeconds}::int,
        "medicareTimeBand" = ${attendance.medicareTimeBand}::text::"MedicareTimeBand",
        "patientVideoPublished" = ${attended ? attendance.patientVideoPublished : null}::boolean,
        "audioOnly" = ${attended ? attendance.audioOnly : null}::boolean,
        "attendance" = ${JSON.stringify(attendanceJson(attendance))}::jsonb,
        "attendanceComputedAt" = ${asOf},
        "attendanceEventCount" = ${events.length}::int,
        "updatedAt" = now()
      WHERE "id" = ${sessionId}
        AND ("attendanceEventCount" IS NULL OR "attendanceEventCount" <= ${events.length}::int)
      RETURNING "id"
    ), rooms AS (
      UPDATE "VideoRoom" v SET
        "participantSeconds" = f.seconds,
        "participantMinutes" = f.minutes,
        "durationSeconds" = COALESCE(f.duration, v."durationSeconds"),
        "updatedAt" = now()
      FROM (VALUES ${roomFigures.length ? Prisma.join(roomFigures) : Prisma.sql`(NULL::text, 0, 0, NULL::int)`}) AS f(id, seconds, minutes, duration)
      WHERE v."id" = f.id AND EXISTS (SELECT 1 FROM s)
      RETURNING v."id"
    )
    SELECT pg_notify(${VIDEO_NOTIFY_CHANNEL}, ${JSON.stringify({ s: sessionId, c: 'attendance' })})
     WHERE EXISTS (SELECT 1 FROM s)`;
  return attendance;
}

/** Identities, roles and times only: safe to keep and to show staff. */
function attendanceJson(a: Attendance) {
  return {
    participants: a.participants.map((p) => ({
      identity: p.identity,
      role: p.role,
      seconds: p.seconds,
      videoPublished: p.videoPublished,
      intervals: p.intervals.map((i) => ({
        roomSid: i.roomSid,
        participantSid: i.participantSid,
        joinedAt: i.joinedAt.toISOString(),
        leftAt: i.leftAt?.toISOString() ?? null,
        seconds: i.seconds,
      })),
    })),
    rooms: a.rooms.map((r) => ({
      roomSid: r.roomSid,
      startedAt: r.startedAt?.toISOString() ?? null,
      endedAt: r.endedAt?.toISOString() ?? null,
      durationSeconds: r.durationSeconds,
      participantSeconds: r.participantSeconds,
      participantMinutes: r.participantMinutes,
    })),
  };
}
