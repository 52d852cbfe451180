// The staff view of an appointment's video session: the link to copy, consent,
// waiting-room state, the room, who is connected and attendance so far.
// Used by the appointment page's panel and the staff event stream.
import 'server-only';

import { roleCan } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import type {
  MedicareTimeBand,
  PatientLocation,
  VideoRoomStatus,
  WaitingRoomStatus,
} from '@/lib/db/generated/enums';

import { deriveSessionStatus, linkUse, suggestNoShow, type LinkUseStep } from './derive-session-status';
import { joinWindow } from '../links/join-window';
import { currentJoinLink } from '../links/join-link-url';
import { loadSessionEvents } from '../events/load-session-events';
import type { QuickReplyView } from '../waiting-room/quick-replies';
import { requireStaffVideoAccess, staffCan } from '../access/staff-video-access';

export type VideoPanelState = {
  appointmentId: string;
  appointmentStatus: string;
  /** The appointment's start has passed (no-show becomes possible). */
  started: boolean;
  clinicianOpensAt: string;
  patientOpensAt: string;
  closesAt: string;
  can: {
    host: boolean;
    manageLinks: boolean;
    /** Send the link by WhatsApp or SMS: reception and admins, who can follow the message under Reminders. */
    sendLink: boolean;
    message: boolean;
    markNoShow: boolean;
  };
  joinLink: {
    url: string;
    createdAt: string;
    lastUsedAt: string | null;
    /** What the patient has done with it, in order; empty when it has not been used at all. */
    uses: Array<{ step: LinkUseStep['step']; at: string }>;
  } | null;
  consent: { at: string; location: PatientLocation | null } | null;
  waiting: { status: WaitingRoomStatus; since: string; admittedAt: string | null } | null;
  room: { sid: string | null; status: VideoRoomStatus; generation: number } | null;
  /** Roles connected right now: between Twilio's participant-connected and -disconnected callbacks. */
  connected: Array<{ role: string | null; since: string }>;
  /** The patient never connected and the start is well past: "Mark as no-show" is offered. */
  noShowSuggested: boolean;
  /** The waiting patient's quick replies, oldest first. */
  replies: QuickReplyView[];
  attendance: {
    patientSeconds: number | null;
    clinicianSeconds: number | null;
    jointSeconds: number | null;
    medicareTimeBand: MedicareTimeBand | null;
    audioOnly: boolean | null;
  } | null;
  guestLinks: { waiting: number; used: number };
  messages: Array<{ id: string; body: string; at: string }>;
  sessionEndedAt: string | null;
};

export async function getVideoPanel(
  user: SessionUser,
  appointmentId: string,
  now: Date = new Date(),
): Promise<VideoPanelState> {
  const { appointment, sessionId } = await requireStaffVideoAccess(user, appointmentId, 'view');
  const can = {
    host: staffCan(user, appointment, 'host'),
    manageLinks: staffCan(user, appointment, 'manage-links'),
    sendLink: staffCan(user, appointment, 'manage-links') && roleCan(user.role, 'reminders.write'),
    message: staffCan(user, appointment, 'message'),
    markNoShow: staffCan(user, appointment, 'mark-no-show'),
  };
  const [session, room, link, guestWaiting, guestUsed, messages, replies, events] = await Promise.all([
    db().videoSession.findUniqueOrThrow({
      where: { id: sessionId },
      select: {
        patientConsentAt: true,
        patientLocation: true,
        endedAt: true,
        patientSeconds: true,
        clinicianSeconds: true,
        jointSeconds: true,
        medicareTimeBand: true,
        audioOnly: true,
        attendanceComputedAt: true,
        waitingEntry: { select: { status: true, waitingSince: true, admittedAt: true } },
      },
    }),
    db().videoRoom.findFirst({
      where: { sessionId },
      orderBy: { generation: 'desc' },
      select: { twilioRoomSid: true, status: true, generation: true },
    }),
    can.manageLinks || can.host ? currentJoinLink(sessionId) : Promise.resolve(null),
    db().guestLink.count({ where: { sessionId, revokedAt: null, redeemedAt: null } }),
    db().guestLink.count({ where: { sessionId, redeemedAt: { not: null } } }),
    db().waitingRoomMessage.findMany({
      where: { sessionId },
      orderBy: { createdAt: 'desc' },
      take: 10,
      select: { id: true, body: true, createdAt: true },
    }),
    db().waitingRoomReply.findMany({
      where: { sessionId },
      orderBy: { createdAt: 'desc' },
      take: 10,
      select: { id: true, reply: true, createdAt: true },
    }),
    loadSessionEvents([sessionId]),
  ]);
  const derived = deriveSessionStatus(events.get(sessionId) ?? []);
  const connected = derived.connected.map((c) => ({ role: c.role, since: c.since.toISOString() }));
  const entry = session.waitingEntry;
  const uses = linkUse({
    firstOpenedAt: link?.firstOpenedAt ?? null,
    consentAt: session.patientConsentAt,
    waitingSince: entry?.waitingSince ?? null,
    admittedAt: entry?.admittedAt ?? null,
    patientFirstConnectedAt: derived.patientFirstConnectedAt,
  });
  return {
    appointmentId: appointment.id,
    appointmentStatus: appointment.status,
    started: appointment.startsAt <= now,
    clinicianOpensAt: joinWindow(appointment, 'CLINICIAN').opensAt.toISOString(),
    patientOpensAt: joinWindow(appointment, 'PATIENT').opensAt.toISOString(),
    closesAt: joinWindow(appointment, 'PATIENT').closesAt.toISOString(),
    can,
    joinLink: link
      ? {
          url: link.url,
          createdAt: link.createdAt.toISOString(),
          lastUsedAt: link.lastUsedAt?.toISOString() ?? null,
          uses: uses.map((u) => ({ step: u.step, at: u.at.toISOString() })),
        }
      : null,
    consent: session.patientConsentAt
      ? { at: session.patientConsentAt.toISOString(), location: session.patientLocation }
      : null,
    waiting: entry
      ? {
          status: entry.status,
          since: entry.waitingSince.toISOString(),
          admittedAt: entry.admittedAt?.toISOString() ?? null,
        }
      : null,
    room: room ? { sid: room.twilioRoomSid, status: room.status, generation: room.generation } : null,
    connected,
    noShowSuggested: suggestNoShow(derived, appointment, now),
    replies: replies.reverse().map((r) => ({ id: r.id, reply: r.reply, at: r.createdAt.toISOString() })),
    attendance: session.attendanceComputedAt
      ? {
          patientSeconds: session.patientSeconds,
          clinicianSeconds: session.clinicianSeconds,
          jointSeconds: session.jointSeconds,
          medicareTimeBand: session.medicareTimeBand,
          audioOnly: session.audioOnly,
        }
      : null,
    guestLinks: { waiting: guestWaiting, used: guestUsed },
    messages: messages.reverse().map((m) => ({ id: m.id, body: m.body, at: m.createdAt.toISOString() })),
    sessionEndedAt: session.endedAt?.toISOString() ?? null,
  };
}
