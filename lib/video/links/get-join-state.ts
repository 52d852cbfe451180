// What a patient's or guest's browser may know about their session: times,
// their own consent and waiting-room state, messages for them, and whether the
// clinician has ended the session. No names and no other person's detail.
// Only ever read for a link that still works: resolveLinkPrincipal refuses a
// dead one (dead-link.ts) before this runs, so linkRevoked is false here.
import 'server-only';

import { db } from '@/lib/db/client';
import type { PatientLocation, WaitingRoomStatus } from '@/lib/db/generated/enums';

import { loadAppointmentVideoFacts } from '../rooms/appointment-video-facts';
import { joinWindow } from './join-window';
import type { QuickReplyView } from '../waiting-room/quick-replies';
import type { LinkPrincipal } from '../access/resolve-link-principal';

export type JoinState = {
  appointmentId: string;
  role: 'patient' | 'guest';
  startsAt: string;
  endsAt: string;
  opensAt: string;
  closesAt: string;
  appointmentStatus: string;
  linkRevoked: boolean;
  consent: { recorded: boolean; location: PatientLocation | null } | null;
  waiting: { status: WaitingRoomStatus; since: string; admittedAt: string | null } | null;
  messages: Array<{ id: string; body: string; at: string }>;
  /** The patient's own quick replies to the clinician, oldest first. */
  replies: QuickReplyView[];
  sessionEnded: boolean;
};

const MESSAGES_SHOWN = 10;

export async function getJoinState(principal: LinkPrincipal): Promise<JoinState> {
  const [appointment, session, messages, replies] = await Promise.all([
    loadAppointmentVideoFacts(principal.appointmentId),
    db().videoSession.findUniqueOrThrow({
      where: { id: principal.sessionId },
      select: {
        patientConsentAt: true,
        patientLocation: true,
        endedAt: true,
        waitingEntry: { select: { status: true, waitingSince: true, admittedAt: true } },
      },
    }),
    principal.kind === 'patient'
      ? db().waitingRoomMessage.findMany({
          where: { sessionId: principal.sessionId },
          orderBy: { createdAt: 'desc' },
          take: MESSAGES_SHOWN,
          select: { id: true, body: true, createdAt: true },
        })
      : Promise.resolve([]),
    principal.kind === 'patient'
      ? db().waitingRoomReply.findMany({
          where: { sessionId: principal.sessionId },
          orderBy: { createdAt: 'desc' },
          take: 3,
          select: { id: true, reply: true, createdAt: true },
        })
      : Promise.resolve([]),
  ]);
  const role = principal.kind === 'patient' ? 'PATIENT' : 'GUEST';
  const window = joinWindow(appointment!, role);
  const entry = session.waitingEntry;
  return {
    appointmentId: appointment!.id,
    role: principal.kind,
    startsAt: appointment!.startsAt.toISOString(),
    endsAt: appointment!.endsAt.toISOString(),
    opensAt: window.opensAt.toISOString(),
    closesAt: window.closesAt.toISOString(),
    appointmentStatus: appointment!.status,
    linkRevoked: principal.revokedAt !== null,
    consent:
      principal.kind === 'patient'
        ? { recorded: session.patientConsentAt !== null, location: session.patientLocation }
        : null,
    waiting:
      principal.kind === 'patient' && entry
        ? {
            status: entry.status,
            since: entry.waitingSince.toISOString(),
            admittedAt: entry.admittedAt?.toISOString() ?? null,
          }
        : null,
    messages: messages.reverse().map((m) => ({ id: m.id, body: m.body, at: m.createdAt.toISOString() })),
    replies: replies.reverse().map((r) => ({ id: r.id, reply: r.reply, at: r.createdAt.toISOString() })),
    sessionEnded: session.endedAt !== null,
  };
}
