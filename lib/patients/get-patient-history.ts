// The patient page's history, newest first: past appointments with what the
// video session recorded (joined, left, minutes, Medicare band, audio only),
// messages sent about them and their fate, the patient's replies, and changes
// to consent and opt-outs. A clinician sees only their own appointments and
// what belongs to them: nothing of another clinician's sessions with the
// same patient. One audited READ per view (kinds and a count, no values).
import 'server-only';

import { recordAudit } from '@/lib/audit/record-audit';
import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import type {
  AppointmentKind,
  AppointmentStatus,
  MedicareTimeBand,
  MessageChannel,
  QuickReply,
  ReminderMessageStatus,
  ReminderSource,
  ReminderStatus,
  ReplyIntent,
} from '@/lib/db/generated/client';
import { AppError } from '@/lib/errors/app-error';

import { appointmentWhereForUser } from '../appointments/appointment-select';
import { PATIENT_NOT_FOUND } from './get-patient';
import { patientScope } from './patient-scope';

export const HISTORY_PAGE = 20;
export const HISTORY_MAX = 500;

/** Patient columns whose change is a consent or opt-out change. */
export const CONSENT_COLUMNS = [
  'messagingConsentAt',
  'messagingConsentMethod',
  'whatsappConsent',
  'smsOptOutAt',
  'whatsappOptOutAt',
] as const;

export type HistoryAppointment = {
  type: 'appointment';
  id: string;
  at: Date;
  endsAt: Date;
  kind: AppointmentKind;
  status: AppointmentStatus;
  clinicianName: string;
  video: {
    joinedAt: Date | null;
    leftAt: Date | null;
    patientMinutes: number | null;
    jointMinutes: number | null;
    medicareTimeBand: MedicareTimeBand | null;
    audioOnly: boolean | null;
  } | null;
};
export type HistoryMessage = {
  type: 'message';
  id: string;
  at: Date;
  appointmentId: string;
  appointmentStartsAt: Date;
  source: ReminderSource;
  status: ReminderStatus;
  reason: string | null;
  channels: {
    channel: MessageChannel;
    status: ReminderMessageStatus;
    isFallback: boolean;
    errorCode: number | null;
  }[];
};
export type HistoryReply = {
  type: 'reply';
  id: string;
  at: Date;
  channel: MessageChannel | null;
  intent: ReplyIntent | null;
  quickReply: QuickReply | null;
  /** The text the patient sent (staff read it on the replies page too); null for a quick reply. */
  body: string | null;
  appointmentId: string | null;
};
export type HistoryConsent = {
  type: 'consent';
  id: string;
  at: Date;
  /** Who changed it: a staff member's name, or null when the patient did by replying. */
  actorName: string | null;
  operation: string | null;
  fields: string[];
};
export type HistoryEntry = HistoryAppointment | HistoryMessage | HistoryReply | HistoryConsent;

type Interval = { joinedAt?: string; leftAt?: string | null };
type AttendanceJson = { participants?: { role?: string | null; intervals?: Interval[] }[] };

/** First join and last leave of the patient, from the stored attendance intervals. */
function patientSpan(attendance: unknown): { joinedAt: Date | null; leftAt: Date | null } {
  const intervals = ((attendance as AttendanceJson | null)?.participants ?? [])
    .filter((p) => p.role === 'PATIENT')
    .flatMap((p) => p.intervals ?? []);
  const joins = intervals.map((i) => (i.joinedAt ? Date.parse(i.joinedAt) : NaN)).filter(Number.isFinite);
  const leaves = intervals.map((i) => (i.leftAt ? Date.parse(i.leftAt) : NaN)).filter(Number.isFinite);
  const stillIn = intervals.some((i) => i.joinedAt && !i.leftAt);
  return {
    joinedAt: joins.length ? new Date(Math.min(...joins)) : null,
    leftAt: leaves.length && !stillIn ? new Date(Math.max(...leaves)) : null,
  };
}

const minutesOf = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 60));

export async function getPatientHistory(
  user: SessionUser,
  patientId: string,
  options: { limit?: number; now?: Date } = {},
): Promise<{ entries: HistoryEntry[]; hasMore: boolean; limit: number }> {
  assertCan(user, 'patients.read');
  const limit = Math.min(Math.max(Math.floor(options.limit ?? HISTORY_PAGE), 1), HISTORY_MAX);
  const now = options.now ?? new Date();
  const take = limit + 1;

  const patient = await db().patient.findFirst({
    where: { AND: [{ id: patientId }, patientScope(user)] },
    select: { id: true },
  });
  if (!patient) throw new AppError('NOT_FOUND', PATIENT_NOT_FOUND);

  // Every appointment-bound item is reached through the user's appointment scope.
  const inScope = { AND: [appointmentWhereForUser(user), { patientId }] };
  const [appointments, reminders, inbound, quick, audits] = await Promise.all([
    db().appointment.findMany({
      where: { AND: [inScope, { startsAt: { lt: now } }] },
      orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
      take,
      select: {
        id: true,
        startsAt: true,
        endsAt: true,
        kind: true,
        status: true,
        clinician: { select: { givenName: true, familyName: true, title: true } },
        videoSession: {
          select: {
            attendanceComputedAt: true,
            attendance: true,
            patientSeconds: true,
            jointSeconds: true,
            medicareTimeBand: true,
            audioOnly: true,
          },
        },
      },
    }),
    db().reminder.findMany({
      where: { patientId, appointment: inScope, status: { notIn: ['SCHEDULED', 'CANCELLED'] } },
      orderBy: [{ dueAt: 'desc' }, { id: 'desc' }],
      take,
      select: {
        id: true,
        appointmentId: true,
        source: true,
        status: true,
        reason: true,
        dueAt: true,
        sentAt: true,
        appointment: { select: { startsAt: true } },
        messages: {
          orderBy: { claimedAt: 'asc' },
          select: { channel: true, status: true, isFallback: true, errorCode: true },
        },
      },
    }),
    inboundReplies(user, patientId, take),
    db().waitingRoomReply.findMany({
      where: { session: { appointment: inScope } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
      select: { id: true, reply: true, createdAt: true, session: { select: { appointmentId: true } } },
    }),
    db().auditLog.findMany({
      where: { patientId, entityType: 'Patient', action: { in: ['CREATE', 'UPDATE'] } },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      // Most patient edits touch other fields; read enough to find the consent ones.
      take: Math.min(take * 5, 2_000),
      select: { id: true, at: true, detail: true, actor: { select: { name: true } } },
    }),
  ]);

  const entries: HistoryEntry[] = [
    ...appointments.map((a): HistoryAppointment => {
      const v = a.videoSession;
      return {
        type: 'appointment',
        id: a.id,
        at: a.startsAt,
        endsAt: a.endsAt,
        kind: a.kind,
        status: a.status,
        clinicianName: [a.clinician.title, a.clinician.givenName, a.clinician.familyName]
          .filter(Boolean)
          .join(' '),
        video: v?.attendanceComputedAt
          ? {
              ...patientSpan(v.attendance),
              patientMinutes: minutesOf(v.patientSeconds),
              jointMinutes: minutesOf(v.jointSeconds),
              medicareTimeBand: v.medicareTimeBand,
              audioOnly: v.audioOnly,
            }
          : null,
      };
    }),
    ...reminders.map((r): HistoryMessage => ({
      type: 'message',
      id: r.id,
      at: r.sentAt ?? r.dueAt,
      appointmentId: r.appointmentId,
      appointmentStartsAt: r.appointment.startsAt,
      source: r.source,
      status: r.status,
      reason: r.reason,
      channels: r.messages,
    })),
    ...inbound.map((r): HistoryReply => ({
      type: 'reply',
      id: r.id,
      at: r.receivedAt,
      channel: r.channel,
      intent: r.intent,
      quickReply: null,
      body: r.body,
      appointmentId: r.appointmentId,
    })),
    ...quick.map((r): HistoryReply => ({
      type: 'reply',
      id: r.id,
      at: r.createdAt,
      channel: null,
      intent: null,
      quickReply: r.reply,
      body: null,
      appointmentId: r.session.appointmentId,
    })),
    ...audits.flatMap((a): HistoryConsent[] => {
      const detail = (a.detail ?? {}) as { fields?: unknown; operation?: unknown };
      const fields = Array.isArray(detail.fields)
        ? detail.fields.filter((f): f is string => (CONSENT_COLUMNS as readonly unknown[]).includes(f))
        : [];
      if (fields.length === 0) return [];
      return [
        {
          type: 'consent',
          id: a.id,
          at: a.at,
          actorName: a.actor?.name ?? null,
          operation: typeof detail.operation === 'string' ? detail.operation : null,
          fields,
        },
      ];
    }),
  ].sort((x, y) => y.at.getTime() - x.at.getTime() || (x.id < y.id ? 1 : -1));

  const page = entries.slice(0, limit);
  await recordAudit({
    actor: { id: user.id, role: user.role },
    action: 'READ',
    entityType: 'Patient',
    entityId: patientId,
    patientId,
    detail: { kind: 'history', count: page.length },
  });
  return { entries: page, hasMore: entries.length > limit, limit };
}

/**
 * Replies from the patient's phone. Staff see them all; a clinician only those
 * tied to one of their own appointments (a reply about nothing in particular,
 * or about another clinician's session, is not theirs to read).
 */
async function inboundReplies(user: SessionUser, patientId: string, take: number) {
  const select = {
    id: true,
    receivedAt: true,
    channel: true,
    intent: true,
    body: true,
    appointmentId: true,
  } as const;
  const scope = appointmentWhereForUser(user);
  if (!('clinicianId' in scope)) {
    return db().inboundReply.findMany({
      // The patient was found in the user's clinic above; replies follow the patient.
      where: { patientId },
      orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
      take,
      select,
    });
  }
  const mine = await db().appointment.findMany({
    where: { AND: [scope, { patientId }] },
    select: { id: true },
    take: 5_000,
  });
  return db().inboundReply.findMany({
    where: { patientId, appointmentId: { in: mine.map((a) => a.id) } },
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    take,
    select,
  });
}
