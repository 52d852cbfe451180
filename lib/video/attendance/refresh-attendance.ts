// Recomputes a session's attendance from every stored event of its rooms and
// saves the figures: one read, one write, no lock. Events are only ever added,
// so of two computations running at once the one that read more events saw
// everything the other did; the write keeps the one computed from more events
// (attendanceEventCount), so an older picture never replaces a newer one.
import 'server-only';

import { runPrepared, runPreparedStatement } from '@/lib/db/queries/run-query';
import { attendanceEvents, saveAttendance, type AttendanceEventRow } from '@/lib/db/queries/video-events';

import { computeAttendance, type Attendance } from './compute-attendance';
import { VIDEO_NOTIFY_CHANNEL } from '../events/notify-video-change';

/**
 * Reads every event of these sessions' rooms and saves the figures computed
 * from them: one read and one write however many sessions (callbacks for many
 * sessions arriving together: refresh-attendance-soon.ts).
 */
export async function refreshAttendanceOf(
  sessionIds: readonly string[],
  asOf: Date = new Date(),
): Promise<Map<string, Attendance>> {
  const ids = [...new Set(sessionIds)];
  const rows = await runPrepared(attendanceEvents, [ids]);
  const bySession = new Map<string, AttendanceEventRow[]>(ids.map((id) => [id, []]));
  for (const row of rows) bySession.get(row.sessionId)?.push(row);

  const results = new Map<string, Attendance>();
  const sessions = {
    id: [] as string[],
    patient: [] as number[],
    clinician: [] as number[],
    joint: [] as number[],
  };
  const band: Array<string | null> = [];
  const videoPublished: Array<boolean | null> = [];
  const audioOnly: Array<boolean | null> = [];
  const json: string[] = [];
  const eventCount: number[] = [];
  const notice: string[] = [];
  const rooms = {
    id: [] as string[],
    sessionId: [] as string[],
    seconds: [] as number[],
    minutes: [] as number[],
    duration: [] as Array<number | null>,
  };
  for (const [sessionId, events] of bySession) {
    const attendance = computeAttendance(events, asOf);
    results.set(sessionId, attendance);
    const attended = attendance.patientAttended;
    sessions.id.push(sessionId);
    sessions.patient.push(attendance.patientSeconds);
    sessions.clinician.push(attendance.clinicianSeconds);
    sessions.joint.push(attendance.jointSeconds);
    band.push(attendance.medicareTimeBand);
    videoPublished.push(attended ? attendance.patientVideoPublished : null);
    audioOnly.push(attended ? attendance.audioOnly : null);
    json.push(JSON.stringify(attendanceJson(attendance)));
    eventCount.push(events.length);
    notice.push(JSON.stringify({ s: sessionId, c: 'attendance' }));
    const roomIds = new Map(events.map((e) => [e.roomSid, e.roomId]));
    for (const room of attendance.rooms) {
      const roomId = roomIds.get(room.roomSid);
      if (!roomId) continue;
      rooms.id.push(roomId);
      rooms.sessionId.push(sessionId);
      rooms.seconds.push(room.participantSeconds);
      rooms.minutes.push(room.participantMinutes);
      rooms.duration.push(room.durationSeconds);
    }
  }
  await runPreparedStatement(saveAttendance, [
    sessions.id,
    sessions.patient,
    sessions.clinician,
    sessions.joint,
    band,
    videoPublished,
    audioOnly,
    json,
    eventCount,
    notice,
    asOf.toISOString(),
    rooms.id,
    rooms.sessionId,
    rooms.seconds,
    rooms.minutes,
    rooms.duration,
    VIDEO_NOTIFY_CHANNEL,
  ]);
  return results;
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
