// Attendance from Twilio's room status callbacks. Pure: give it the events of
// a session's rooms (in any order, duplicates allowed) and it returns who was
// connected when, for how long, and what that means for Medicare and costs.
//
// - Each connection (ParticipantSid) is one interval; a patient who drops and
//   rejoins has two, and their time is the sum.
// - Events are put in order by Timestamp (then SequenceNumber), because Twilio
//   may deliver them out of order and retries arrive late.
// - A connection without its disconnect ends when the room ended, or is still
//   open (counted up to `asOf`).
// - The Medicare time band is set by the time the patient and the clinician
//   were connected at the same time.
import type { MedicareTimeBand } from '@/lib/db/generated/enums';

import type { VideoRole } from '../links/join-window';
import { roleOfIdentity } from '../tokens/video-identity';

export type RoomEventRecord = {
  roomSid: string;
  event: string;
  occurredAt: Date;
  sequenceNumber: number | null;
  participantSid: string | null;
  participantIdentity: string | null;
  participantDuration: number | null;
  trackKind: string | null;
  roomDuration: number | null;
};

export type ParticipantInterval = {
  roomSid: string;
  participantSid: string;
  joinedAt: Date;
  /** null: still connected at `asOf`. */
  leftAt: Date | null;
  seconds: number;
};

export type ParticipantAttendance = {
  identity: string;
  role: VideoRole | null;
  intervals: ParticipantInterval[];
  seconds: number;
  videoPublished: boolean;
};

export type RoomAttendance = {
  roomSid: string;
  startedAt: Date | null;
  endedAt: Date | null;
  durationSeconds: number | null;
  /** All participants' connected seconds added up: what Twilio bills by. */
  participantSeconds: number;
  /** Each connection rounded up to a whole minute, added up: an estimate of billed minutes. */
  participantMinutes: number;
};

export type Attendance = {
  participants: ParticipantAttendance[];
  rooms: RoomAttendance[];
  patientSeconds: number;
  clinicianSeconds: number;
  jointSeconds: number;
  patientAttended: boolean;
  patientVideoPublished: boolean;
  /** The patient attended but never published video: an audio-only session. */
  audioOnly: boolean;
  /** null when the patient never connected. */
  medicareTimeBand: MedicareTimeBand | null;
  participantSeconds: number;
  participantMinutes: number;
};

const BAND_20_MIN = 20 * 60;
const BAND_50_MIN = 50 * 60;

export function medicareTimeBand(seconds: number): MedicareTimeBand {
  if (seconds < BAND_20_MIN) return 'UNDER_20_MIN';
  if (seconds < BAND_50_MIN) return 'FROM_20_UNDER_50_MIN';
  return 'FROM_50_MIN';
}

/** Twilio's order: by time, then by the room's own sequence number. */
export function sortRoomEvents<E extends RoomEventRecord>(events: readonly E[]): E[] {
  return [...events].sort(
    (a, b) =>
      a.occurredAt.getTime() - b.occurredAt.getTime() ||
      a.roomSid.localeCompare(b.roomSid) ||
      (a.sequenceNumber ?? Number.MAX_SAFE_INTEGER) - (b.sequenceNumber ?? Number.MAX_SAFE_INTEGER),
  );
}

type Connection = {
  roomSid: string;
  participantSid: string;
  identity: string | null;
  connectedAt: Date | null;
  disconnectedAt: Date | null;
  reportedDuration: number | null;
  videoPublished: boolean;
};

type RoomState = {
  roomSid: string;
  createdAt: Date | null;
  endedAt: Date | null;
  reportedDuration: number | null;
};

export function computeAttendance(events: readonly RoomEventRecord[], asOf: Date): Attendance {
  const rooms = new Map<string, RoomState>();
  const connections = new Map<string, Connection>();

  for (const e of sortRoomEvents(events)) {
    const room = rooms.get(e.roomSid) ?? {
      roomSid: e.roomSid,
      createdAt: null,
      endedAt: null,
      reportedDuration: null,
    };
    rooms.set(e.roomSid, room);
    if (e.event === 'room-created') room.createdAt ??= e.occurredAt;
    if (e.event === 'room-ended') {
      room.endedAt ??= e.occurredAt;
      room.reportedDuration ??= e.roomDuration;
    }
    if (!e.participantSid) continue;

    const c = connections.get(e.participantSid) ?? {
      roomSid: e.roomSid,
      participantSid: e.participantSid,
      identity: null,
      connectedAt: null,
      disconnectedAt: null,
      reportedDuration: null,
      videoPublished: false,
    };
    connections.set(e.participantSid, c);
    c.identity ??= e.participantIdentity;
    if (e.event === 'participant-connected') c.connectedAt ??= e.occurredAt;
    if (e.event === 'participant-disconnected') {
      // Redeliveries can differ in timestamp: the last word on leaving wins.
      c.disconnectedAt = e.occurredAt;
      c.reportedDuration = e.participantDuration ?? c.reportedDuration;
    }
    if (e.event === 'track-added' && e.trackKind === 'video') c.videoPublished = true;
  }

  const byIdentity = new Map<string, ParticipantAttendance>();
  const roomTotals = new Map<string, { seconds: number; minutes: number }>();
  for (const c of connections.values()) {
    const interval = toInterval(c, rooms.get(c.roomSid)!, asOf);
    if (!interval) continue;
    const identity = c.identity ?? c.participantSid;
    const person = byIdentity.get(identity) ?? {
      identity,
      role: roleOfIdentity(identity),
      intervals: [],
      seconds: 0,
      videoPublished: false,
    };
    byIdentity.set(identity, person);
    person.intervals.push(interval);
    person.seconds += interval.seconds;
    person.videoPublished ||= c.videoPublished;
    const totals = roomTotals.get(c.roomSid) ?? { seconds: 0, minutes: 0 };
    totals.seconds += interval.seconds;
    totals.minutes += Math.ceil(interval.seconds / 60);
    roomTotals.set(c.roomSid, totals);
  }

  const participants = [...byIdentity.values()].sort((a, b) => a.identity.localeCompare(b.identity));
  for (const p of participants) p.intervals.sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime());

  const ofRole = (role: VideoRole) => participants.filter((p) => p.role === role);
  const patients = ofRole('PATIENT');
  const patientSeconds = sum(patients.map((p) => p.seconds));
  const clinicianSeconds = sum(ofRole('CLINICIAN').map((p) => p.seconds));
  const jointSeconds = Math.round(
    overlapMs(
      merge(patients.flatMap((p) => p.intervals.map((i) => span(i, asOf)))),
      merge(ofRole('CLINICIAN').flatMap((p) => p.intervals.map((i) => span(i, asOf)))),
    ) / 1000,
  );
  const patientAttended = patients.some((p) => p.intervals.length > 0);
  const patientVideoPublished = patients.some((p) => p.videoPublished);

  const roomList: RoomAttendance[] = [...rooms.values()]
    .map((r) => {
      const totals = roomTotals.get(r.roomSid) ?? { seconds: 0, minutes: 0 };
      const startedAt = r.createdAt;
      const durationSeconds =
        r.reportedDuration ?? (startedAt && r.endedAt ? seconds(startedAt, r.endedAt) : null);
      return {
        roomSid: r.roomSid,
        startedAt,
        endedAt: r.endedAt,
        durationSeconds,
        participantSeconds: totals.seconds,
        participantMinutes: totals.minutes,
      };
    })
    .sort((a, b) => (a.startedAt?.getTime() ?? 0) - (b.startedAt?.getTime() ?? 0));

  return {
    participants,
    rooms: roomList,
    patientSeconds,
    clinicianSeconds,
    jointSeconds,
    patientAttended,
    patientVideoPublished,
    audioOnly: patientAttended && !patientVideoPublished,
    medicareTimeBand: patientAttended ? medicareTimeBand(jointSeconds) : null,
    participantSeconds: sum(roomList.map((r) => r.participantSeconds)),
    participantMinutes: sum(roomList.map((r) => r.participantMinutes)),
  };
}

function toInterval(c: Connection, room: RoomState, asOf: Date): ParticipantInterval | null {
  let joinedAt = c.connectedAt;
  let leftAt = c.disconnectedAt ?? room.endedAt;
  // A disconnect whose connect has not arrived (yet): Twilio's duration says when it began.
  if (!joinedAt && c.disconnectedAt) {
    if (c.reportedDuration === null) return null;
    joinedAt = new Date(c.disconnectedAt.getTime() - c.reportedDuration * 1000);
  }
  if (!joinedAt) return null;
  if (leftAt && leftAt < joinedAt) leftAt = joinedAt;
  const measured = seconds(joinedAt, leftAt ?? asOf);
  // Twilio's own ParticipantDuration is the billed figure; use it when it came with the disconnect.
  const secs = c.disconnectedAt && c.reportedDuration !== null ? c.reportedDuration : measured;
  return { roomSid: c.roomSid, participantSid: c.participantSid, joinedAt, leftAt, seconds: secs };
}

type Span = [number, number];

function span(i: ParticipantInterval, asOf: Date): Span {
  return [i.joinedAt.getTime(), (i.leftAt ?? asOf).getTime()];
}

function merge(spans: Span[]): Span[] {
  const sorted = spans.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}

function overlapMs(a: Span[], b: Span[]): number {
  let total = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]![0], b[j]![0]);
    const end = Math.min(a[i]![1], b[j]![1]);
    if (end > start) total += end - start;
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return total;
}

function seconds(from: Date, to: Date): number {
  return Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
