// What staff are told about a video session, derived from what happened rather
// than from which buttons were pressed. Pure, so every rule is tested over
// recorded event sequences (tests/unit/video-derive-session-status.test.ts):
//
// - "In the call" holds for a connection only between Twilio's
//   participant-connected and participant-disconnected callbacks, and never
//   after its room ended. Callbacks may arrive late, twice or out of order: a
//   connection that has a disconnect (or whose room has ended) is over,
//   whichever arrived first. Each connection has its own ParticipantSid, so a
//   reconnect is a new connection.
// - A session in which the patient and the clinician both connected, and whose
//   rooms have all ended, is complete: the appointment moves to Completed.
// - A telehealth appointment the patient never connected to is offered as a
//   no-show once NO_SHOW_SUGGESTED_AFTER_MS has passed since it started. Staff
//   confirm it; nothing changes by itself, since the patient may have phoned.
// - The patient's link shows each thing done with it: first opened, consent,
//   waiting, let in, connected.
import type { RoomEventRecord } from '../attendance/compute-attendance';
import { sortRoomEvents } from '../attendance/compute-attendance';
import type { VideoRole } from '../links/join-window';
import { roleOfIdentity } from '../tokens/video-identity';

/** How long after the start a session nobody joined is offered as a no-show. */
export const NO_SHOW_SUGGESTED_AFTER_MS = 15 * 60_000;

export type LiveConnection = {
  participantSid: string;
  identity: string | null;
  role: VideoRole | null;
  since: Date;
};

export type SessionStatus = {
  /** Connections open right now (connected, neither disconnected nor ended with their room). */
  connected: LiveConnection[];
  patientInCall: boolean;
  clinicianInCall: boolean;
  /** When the patient first connected to any room of the session, if ever. */
  patientFirstConnectedAt: Date | null;
  clinicianFirstConnectedAt: Date | null;
  /** At least one room, and every room the events name, has ended. */
  roomsEnded: boolean;
};

type Connection = {
  participantSid: string;
  roomSid: string;
  identity: string | null;
  connectedAt: Date | null;
  disconnected: boolean;
};

export function deriveSessionStatus(events: readonly RoomEventRecord[]): SessionStatus {
  const endedRooms = new Set<string>();
  const rooms = new Set<string>();
  const connections = new Map<string, Connection>();
  const firstConnected = new Map<VideoRole, Date>();

  for (const e of sortRoomEvents(events)) {
    rooms.add(e.roomSid);
    if (e.event === 'room-ended') endedRooms.add(e.roomSid);
    if (!e.participantSid) continue;
    const c = connections.get(e.participantSid) ?? {
      participantSid: e.participantSid,
      roomSid: e.roomSid,
      identity: null,
      connectedAt: null,
      disconnected: false,
    };
    connections.set(e.participantSid, c);
    c.identity ??= e.participantIdentity;
    if (e.event === 'participant-connected') c.connectedAt ??= e.occurredAt;
    if (e.event === 'participant-disconnected') c.disconnected = true;
  }

  const connected: LiveConnection[] = [];
  const everConnected = new Set<VideoRole>();
  for (const c of connections.values()) {
    const role = c.identity ? roleOfIdentity(c.identity) : null;
    // A disconnect without its connect still proves the person was there.
    if (role && (c.connectedAt || c.disconnected)) everConnected.add(role);
    const earlier = role ? firstConnected.get(role) : undefined;
    if (role && c.connectedAt && (!earlier || c.connectedAt < earlier))
      firstConnected.set(role, c.connectedAt);
    if (c.connectedAt && !c.disconnected && !endedRooms.has(c.roomSid)) {
      connected.push({ participantSid: c.participantSid, identity: c.identity, role, since: c.connectedAt });
    }
  }
  connected.sort((a, b) => a.since.getTime() - b.since.getTime());

  // Connected for sure but the connect callback never came: the earliest event we have of them.
  const firstAt = (role: VideoRole): Date | null =>
    everConnected.has(role) ? (firstConnected.get(role) ?? earliestEventOf(events, role)) : null;

  return {
    connected,
    patientInCall: connected.some((c) => c.role === 'PATIENT'),
    clinicianInCall: connected.some((c) => c.role === 'CLINICIAN'),
    patientFirstConnectedAt: firstAt('PATIENT'),
    clinicianFirstConnectedAt: firstAt('CLINICIAN'),
    roomsEnded: rooms.size > 0 && [...rooms].every((r) => endedRooms.has(r)),
  };
}

function earliestEventOf(events: readonly RoomEventRecord[], role: VideoRole): Date | null {
  let earliest: Date | null = null;
  for (const e of events) {
    if (!e.participantIdentity || roleOfIdentity(e.participantIdentity) !== role) continue;
    if (!earliest || e.occurredAt < earliest) earliest = e.occurredAt;
  }
  return earliest;
}

export type AppointmentFacts = { status: string; startsAt: Date };

/** Statuses the events may still move on; any other was set by a person and stays. */
const OPEN_STATUSES = new Set(['BOOKED', 'CONFIRMED']);

/** Both sides connected and the session's rooms have ended: the appointment is Completed. */
export function shouldComplete(status: SessionStatus, appointment: AppointmentFacts): boolean {
  return (
    OPEN_STATUSES.has(appointment.status) &&
    status.roomsEnded &&
    status.patientFirstConnectedAt !== null &&
    status.clinicianFirstConnectedAt !== null &&
    !status.patientInCall &&
    !status.clinicianInCall
  );
}

/** The patient never connected and the appointment started a while ago: offer it as a no-show. */
export function suggestNoShow(status: SessionStatus, appointment: AppointmentFacts, now: Date): boolean {
  return (
    OPEN_STATUSES.has(appointment.status) &&
    status.patientFirstConnectedAt === null &&
    now.getTime() >= appointment.startsAt.getTime() + NO_SHOW_SUGGESTED_AFTER_MS
  );
}

export type LinkUseFacts = {
  firstOpenedAt: Date | null;
  consentAt: Date | null;
  waitingSince: Date | null;
  admittedAt: Date | null;
  patientFirstConnectedAt: Date | null;
};

export type LinkUseStep = { step: 'opened' | 'consented' | 'waiting' | 'admitted' | 'connected'; at: Date };

export const linkUseLabels: Record<LinkUseStep['step'], string> = {
  opened: 'First opened',
  consented: 'Consent given',
  waiting: 'Entered the waiting room',
  admitted: 'Let in',
  connected: 'Joined the call',
};

/**
 * What the patient has done with their link, in order. Empty only when there is
 * no trace of any use: "Not used yet" is said then and only then.
 */
export function linkUse(facts: LinkUseFacts): LinkUseStep[] {
  const steps: Array<[LinkUseStep['step'], Date | null]> = [
    ['opened', facts.firstOpenedAt],
    ['consented', facts.consentAt],
    ['waiting', facts.waitingSince],
    ['admitted', facts.admittedAt],
    ['connected', facts.patientFirstConnectedAt],
  ];
  return steps.flatMap(([step, at]) => (at ? [{ step, at }] : []));
}
