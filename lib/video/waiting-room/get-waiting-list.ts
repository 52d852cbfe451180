// The dashboard's telehealth list: today's video sessions in the signed-in
// user's scope (a clinician's own; the whole clinic for staff and admins),
// each with its waiting-room state, so a clinician sees at once who is
// waiting. Read again by the list's event stream after every change.
import 'server-only';

import { appointmentScope } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import type { WaitingRoomStatus } from '@/lib/db/generated/enums';
import { dayBounds, todayIn } from '@/lib/time/clinic-time';
import { getClinicTimeZone } from '@/lib/time/get-clinic-time-zone';

import { deriveSessionStatus, suggestNoShow } from '../rooms/derive-session-status';
import { loadSessionEvents } from '../events/load-session-events';
import type { QuickReplyView } from './quick-replies';
import { staffCan } from '../access/staff-video-access';

export type WaitingListItem = {
  appointmentId: string;
  sessionId: string | null;
  startsAt: string;
  endsAt: string;
  patientName: string;
  clinicianName: string;
  status: string;
  can: { host: boolean; message: boolean; markNoShow: boolean };
  consent: boolean;
  waiting: { status: WaitingRoomStatus; since: string } | null;
  messages: Array<{ id: string; body: string; at: string }>;
  /** The patient's quick replies, oldest first. */
  replies: QuickReplyView[];
  roomInProgress: boolean;
  /** From Twilio's callbacks: connected now (between participant-connected and -disconnected). */
  inCall: { patient: boolean; clinician: boolean };
  /** The patient never connected and the start is well past: staff are offered "Mark as no-show". */
  noShowSuggested: boolean;
  sessionEnded: boolean;
};

export type WaitingList = { timeZone: string; items: WaitingListItem[] };

export async function getWaitingList(user: SessionUser, now: Date = new Date()): Promise<WaitingList> {
  const timeZone = await getClinicTimeZone(user.clinicId);
  const { start, end } = dayBounds(todayIn(timeZone, now), timeZone);
  const appointments = await db().appointment.findMany({
    where: {
      ...appointmentScope(user),
      patient: { clinicId: user.clinicId },
      kind: 'TELEHEALTH',
      status: { in: ['BOOKED', 'CONFIRMED', 'COMPLETED'] },
      startsAt: { gte: start, lt: end },
    },
    orderBy: { startsAt: 'asc' },
    select: {
      id: true,
      clinicianId: true,
      startsAt: true,
      endsAt: true,
      status: true,
      patient: { select: { givenName: true, familyName: true, preferredName: true } },
      clinician: { select: { givenName: true, familyName: true, title: true } },
      videoSession: {
        select: {
          id: true,
          patientConsentAt: true,
          endedAt: true,
          waitingEntry: { select: { status: true, waitingSince: true } },
          rooms: { orderBy: { generation: 'desc' }, take: 1, select: { status: true } },
          messages: {
            orderBy: { createdAt: 'desc' },
            take: 3,
            select: { id: true, body: true, createdAt: true },
          },
          replies: {
            orderBy: { createdAt: 'desc' },
            take: 3,
            select: { id: true, reply: true, createdAt: true },
          },
        },
      },
    },
  });
  const events = await loadSessionEvents(
    appointments.flatMap((a) => (a.videoSession ? [a.videoSession.id] : [])),
  );
  return {
    timeZone,
    items: appointments.map((a) => {
      const session = a.videoSession;
      const derived = deriveSessionStatus((session && events.get(session.id)) ?? []);
      return {
        appointmentId: a.id,
        sessionId: session?.id ?? null,
        startsAt: a.startsAt.toISOString(),
        endsAt: a.endsAt.toISOString(),
        patientName: `${a.patient.preferredName ?? a.patient.givenName} ${a.patient.familyName}`,
        clinicianName: [a.clinician.title, a.clinician.givenName, a.clinician.familyName]
          .filter(Boolean)
          .join(' '),
        status: a.status,
        can: {
          host: staffCan(user, a, 'host'),
          message: staffCan(user, a, 'message'),
          markNoShow: staffCan(user, a, 'mark-no-show'),
        },
        consent: Boolean(session?.patientConsentAt),
        waiting: session?.waitingEntry
          ? { status: session.waitingEntry.status, since: session.waitingEntry.waitingSince.toISOString() }
          : null,
        messages: (session?.messages ?? [])
          .reverse()
          .map((m) => ({ id: m.id, body: m.body, at: m.createdAt.toISOString() })),
        replies: (session?.replies ?? [])
          .reverse()
          .map((r) => ({ id: r.id, reply: r.reply, at: r.createdAt.toISOString() })),
        roomInProgress: session?.rooms[0]?.status === 'IN_PROGRESS',
        inCall: { patient: derived.patientInCall, clinician: derived.clinicianInCall },
        noShowSuggested: suggestNoShow(derived, a, now),
        sessionEnded: Boolean(session?.endedAt),
      };
    }),
  };
}
