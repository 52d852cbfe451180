// The patient history's entries, one kind per shape: an appointment with what
// its video session recorded, a message and its fate, a reply, a consent
// change. Pure: get-patient-history.ts reads the rows and sorts the entries.
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

export function appointmentEntry(a: {
  id: string;
  startsAt: Date;
  endsAt: Date;
  kind: AppointmentKind;
  status: AppointmentStatus;
  clinician: { givenName: string; familyName: string; title: string | null };
  videoSession: {
    attendanceComputedAt: Date | null;
    attendance: unknown;
    patientSeconds: number | null;
    jointSeconds: number | null;
    medicareTimeBand: MedicareTimeBand | null;
    audioOnly: boolean | null;
  } | null;
}): HistoryAppointment {
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
}

export function messageEntry(r: {
  id: string;
  appointmentId: string;
  source: ReminderSource;
  status: ReminderStatus;
  reason: string | null;
  dueAt: Date;
  sentAt: Date | null;
  appointment: { startsAt: Date };
  messages: HistoryMessage['channels'];
}): HistoryMessage {
  return {
    type: 'message',
    id: r.id,
    at: r.sentAt ?? r.dueAt,
    appointmentId: r.appointmentId,
    appointmentStartsAt: r.appointment.startsAt,
    source: r.source,
    status: r.status,
    reason: r.reason,
    channels: r.messages,
  };
}

/** A reply from the patient's phone (text and intent) or a quick reply in the waiting room (no text). */
export function replyEntry(
  r: { id: string; at: Date; appointmentId: string | null },
  said: { channel: MessageChannel; intent: ReplyIntent; body: string } | { quickReply: QuickReply },
): HistoryReply {
  return 'quickReply' in said
    ? { type: 'reply', ...r, channel: null, intent: null, quickReply: said.quickReply, body: null }
    : { type: 'reply', ...r, channel: said.channel, intent: said.intent, quickReply: null, body: said.body };
}

/** A patient audit entry as a consent change, if it touched consent or opt-out columns. */
export function consentEntries(a: {
  id: string;
  at: Date;
  detail: unknown;
  actor: { name: string } | null;
}): HistoryConsent[] {
  const detail = (a.detail ?? {}) as { fields?: unknown; operation?: unknown };
  const fields = Array.isArray(detail.fields)
    ? detail.fields.filter((f): f is string => (CONSENT_COLUMNS as readonly unknown[]).includes(f))
    : [];
  if (fields.length === 0) return [];
  const operation = typeof detail.operation === 'string' ? detail.operation : null;
  return [{ type: 'consent', id: a.id, at: a.at, actorName: a.actor?.name ?? null, operation, fields }];
}
