// The reminder a send works on: the reminder, its appointment, the patient's
// contact settings and the channel attempts, read in one query.
import 'server-only';

import type {
  AppointmentKind,
  AppointmentStatus,
  ChangeNoticeKind,
  ReminderSource,
} from '@/lib/db/generated/enums';
import { loadReminderQuery } from '@/lib/db/queries/reminder-sending';
import { runPrepared } from '@/lib/db/queries/run-query';

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

/**
 * The reminder, its appointment, the patient's contact settings and the
 * channel attempts, in one query: this runs once per message sent, and a
 * burst of thousands of due reminders makes every round trip count.
 */
export async function loadReminder(reminderId: string): Promise<LoadedReminder | null> {
  const rows = await runPrepared(loadReminderQuery, [reminderId]);
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
