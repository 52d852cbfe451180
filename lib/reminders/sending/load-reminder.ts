// The reminder a send works on: the reminder, its appointment, the patient's
// contact settings and the channel attempts, read in one query.
import 'server-only';

import { preparedQuery } from '@/lib/db/client';
import type {
  AppointmentKind,
  AppointmentStatus,
  ChangeNoticeKind,
  ReminderSource,
} from '@/lib/db/generated/enums';

import type { Channel, ChannelPatient } from './choose-channels';

export interface LoadedMessage {
  id: string;
  channel: Channel;
  status: string;
  statusRank: number;
  claimToken: string;
  claimedAt: Date;
  toAddress: string;
  fromAddress: string;
  bodyHash: string | null;
  errorCode: number | null;
}

/** A change notice's content, frozen once a channel is claimed (lib/reminders/scheduling/change-notice.ts). */
export interface LoadedNotice {
  kind: ChangeNoticeKind;
  /** The time it tells of: the new start, or the cancelled one. */
  startsAt: Date;
}

export interface LoadedReminder {
  id: string;
  status: string;
  source: ReminderSource;
  dueAt: Date;
  notice: LoadedNotice | null;
  appointment: {
    id: string;
    status: AppointmentStatus;
    startsAt: Date;
    endsAt: Date;
    kind: AppointmentKind;
    patient: ChannelPatient & { clinicId: string; timezone: string };
  };
  messages: LoadedMessage[];
}

type LoadedRow = {
  id: string;
  status: string;
  source: ReminderSource;
  dueAt: Date;
  noticeKind: ChangeNoticeKind | null;
  noticeStartsAt: Date | null;
  appointmentId: string;
  appointmentStatus: AppointmentStatus;
  startsAt: Date;
  endsAt: Date;
  kind: AppointmentKind;
  clinicId: string;
  mobile: string;
  timezone: string;
  preferredChannel: Channel;
  messagingConsentAt: Date | null;
  whatsappConsent: boolean;
  whatsappOptOutAt: Date | null;
  smsOptOutAt: Date | null;
  messages: (Omit<LoadedMessage, 'claimedAt'> & { claimedAt: string })[];
};

/**
 * The reminder, its appointment, the patient's contact settings and the
 * channel attempts, in one query: this runs once per message sent, and a
 * burst of thousands of due reminders makes every round trip count.
 */
// A prepared statement (lib/db/client.ts: preparedQuery): timestamps as timestamptz in UTC.
const LOAD_REMINDER_SQL = `
    SELECT r."id", r."status"::text AS "status", r."source"::text AS "source", r."dueAt" AT TIME ZONE 'UTC' AS "dueAt",
           r."noticeKind"::text AS "noticeKind", r."noticeStartsAt" AT TIME ZONE 'UTC' AS "noticeStartsAt",
           a."id" AS "appointmentId", a."status"::text AS "appointmentStatus",
           a."startsAt" AT TIME ZONE 'UTC' AS "startsAt", a."endsAt" AT TIME ZONE 'UTC' AS "endsAt",
           a."kind"::text AS "kind",
           p."clinicId", p."mobile", p."timezone", p."preferredChannel"::text AS "preferredChannel",
           p."messagingConsentAt" AT TIME ZONE 'UTC' AS "messagingConsentAt", p."whatsappConsent",
           p."whatsappOptOutAt" AT TIME ZONE 'UTC' AS "whatsappOptOutAt",
           p."smsOptOutAt" AT TIME ZONE 'UTC' AS "smsOptOutAt",
           COALESCE((
             SELECT json_agg(json_build_object(
               'id', m."id", 'channel', m."channel", 'status', m."status", 'statusRank', m."statusRank",
               'claimToken', m."claimToken", 'claimedAt', to_char(m."claimedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'toAddress', m."toAddress", 'fromAddress', m."fromAddress", 'bodyHash', m."bodyHash",
               'errorCode', m."errorCode"))
             FROM "ReminderMessage" m WHERE m."reminderId" = r."id"), '[]'::json) AS "messages"
    FROM "Reminder" r
    JOIN "Appointment" a ON a."id" = r."appointmentId"
    JOIN "Patient" p ON p."id" = a."patientId"
    WHERE r."id" = $1`;

export async function loadReminder(reminderId: string): Promise<LoadedReminder | null> {
  const rows = await preparedQuery<LoadedRow>('load-reminder-v2', LOAD_REMINDER_SQL, [reminderId]);
  const row = rows[0];
  if (!row) return null;
  const { appointmentId, appointmentStatus, startsAt, endsAt, kind, clinicId, timezone } = row;
  return {
    id: row.id,
    status: row.status,
    source: row.source,
    dueAt: row.dueAt,
    notice:
      row.source === 'CHANGE_NOTICE' && row.noticeKind && row.noticeStartsAt
        ? { kind: row.noticeKind, startsAt: row.noticeStartsAt }
        : null,
    appointment: {
      id: appointmentId,
      status: appointmentStatus,
      startsAt,
      endsAt,
      kind,
      patient: {
        clinicId,
        mobile: row.mobile,
        timezone,
        preferredChannel: row.preferredChannel,
        messagingConsentAt: row.messagingConsentAt,
        whatsappConsent: row.whatsappConsent,
        whatsappOptOutAt: row.whatsappOptOutAt,
        smsOptOutAt: row.smsOptOutAt,
      },
    },
    messages: row.messages.map((m) => ({ ...m, claimedAt: new Date(m.claimedAt) })),
  };
}
