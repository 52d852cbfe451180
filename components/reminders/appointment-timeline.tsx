// The appointment's timeline: each change staff (or the patient, by reply) made,
// and each change notice with its fate: queued, sent by WhatsApp, fell back to
// SMS, delivered, failed, or not sent and why. Mount on the appointment page:
//   <AppointmentTimeline user={user} appointmentId={appointment.id} />
import { roleCan } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session-user';
import {
  getAppointmentTimeline,
  type TimelineChange,
  type TimelineNotice,
} from '@/lib/reminders/views/get-appointment-timeline';
import { eventLabel, messageChannelLabel, twilioCodeText } from '@/lib/reminders/views/reminder-labels';
import { describeReason } from '@/lib/reminders/status/reminder-reasons';
import { formatInTimeZone } from '@/lib/time/clinic-time';

import { ReminderStatusBadge } from './reminder-status-badge';

const when = (d: Date, timeZone: string) => formatInTimeZone(d, timeZone, 'EEE d MMM, h:mm aaa');

const changeWords: Record<string, string> = {
  create: 'Booked',
  reschedule: 'Moved to a new time',
  cancel: 'Cancelled',
  status: 'Status changed',
  'confirm-by-reply': 'Confirmed by the patient’s reply',
};

function changeText(c: TimelineChange): string {
  const what = changeWords[c.operation] ?? 'Changed';
  const who = c.operation === 'confirm-by-reply' ? '' : c.actorName ? ` by ${c.actorName}` : '';
  const notify =
    c.notifyPatient === false
      ? ' — patient not notified (staff chose)'
      : c.notifyPatient === true
        ? ' — patient to be notified'
        : '';
  return `${what}${who}${notify}`;
}

function noticeTitle(n: TimelineNotice, tz: string): string {
  if (!n.noticeStartsAt) return 'Notice';
  return n.noticeKind === 'CANCELLED'
    ? `Cancellation notice (for ${when(n.noticeStartsAt, tz)})`
    : `New-time notice (${n.noticePreviousStartsAt ? `${when(n.noticePreviousStartsAt, tz)} → ` : ''}${when(n.noticeStartsAt, tz)})`;
}

/** Where the notice stands, in words. */
function noticeFate(n: TimelineNotice, tz: string): string {
  const accepted = n.messages.find(
    (m) => !['CLAIMED', 'RETRY', 'UNCERTAIN', 'FAILED', 'UNDELIVERED'].includes(m.status),
  );
  switch (n.status) {
    case 'SCHEDULED':
      return `Queued: goes ${when(n.dueAt, tz)}${n.movedByQuietHours ? ', when the patient’s quiet hours end' : ''}.`;
    case 'SENDING':
      return n.messages.some((m) => m.channel === 'WHATSAPP' && ['FAILED', 'UNDELIVERED'].includes(m.status))
        ? 'WhatsApp failed; falling back to SMS.'
        : 'Sending.';
    case 'SENT':
    case 'DELIVERED':
      return `${accepted ? messageChannelLabel(accepted) : 'Sent'}${n.status === 'DELIVERED' ? ', delivered' : ''}.`;
    case 'FAILED':
      return `Failed: ${describeReason(n.reason) ?? 'every channel failed'}${n.errorCode ? ` (${twilioCodeText(n.errorCode)})` : ''}.`;
    default:
      return `Not sent: ${describeReason(n.reason) ?? 'no reason recorded'}`;
  }
}

type Entry = { at: Date; key: string } & (
  { kind: 'change'; change: TimelineChange } | { kind: 'notice'; notice: TimelineNotice }
);

// A notice is written in its change's own transaction, but its time comes from the app and the
// audit entry's from the database: within a few seconds of each other, the change reads first.
const SAME_CHANGE_MS = 5_000;
function byTime(a: Entry, b: Entry): number {
  const delta = a.at.getTime() - b.at.getTime();
  if (a.kind !== b.kind && Math.abs(delta) < SAME_CHANGE_MS) return a.kind === 'change' ? -1 : 1;
  return delta;
}

export async function AppointmentTimeline({
  user,
  appointmentId,
}: {
  user: SessionUser;
  appointmentId: string;
}) {
  if (!roleCan(user.role, 'reminders.read')) return null;
  const { changes, notices, clinicTimeZone: tz } = await getAppointmentTimeline(user, appointmentId);
  const entries: Entry[] = [
    ...changes.map((change) => ({ kind: 'change' as const, at: change.at, key: change.id, change })),
    ...notices.map((notice) => ({ kind: 'notice' as const, at: notice.createdAt, key: notice.id, notice })),
  ].sort(byTime);

  return (
    <section
      aria-labelledby="timeline-heading"
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
      data-testid="appointment-timeline"
    >
      <h2 id="timeline-heading" className="text-lg font-semibold">
        Timeline
      </h2>
      <p className="text-sm text-slate-600">
        Changes to this appointment and what the patient was told. A notice waits a few minutes, so quick
        changes become one message. Times are in the clinic&rsquo;s timezone ({tz.replaceAll('_', ' ')}).
      </p>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-700">Nothing yet.</p>
      ) : (
        <ol className="flex flex-col gap-3 border-l-2 border-slate-200 pl-4">
          {entries.map((e) =>
            e.kind === 'change' ? (
              <li key={e.key} className="text-sm" data-testid="timeline-change">
                <time dateTime={e.at.toISOString()} className="text-slate-600">
                  {when(e.at, tz)}
                </time>{' '}
                — {changeText(e.change)}
              </li>
            ) : (
              <li key={e.key} className="flex flex-col gap-1 text-sm" data-testid="timeline-notice">
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <time dateTime={e.at.toISOString()} className="text-slate-600">
                    {when(e.at, tz)}
                  </time>
                  <ReminderStatusBadge status={e.notice.status} />
                  <span className="font-medium">{noticeTitle(e.notice, tz)}</span>
                </div>
                <p className="text-slate-800" data-testid="notice-fate">
                  {noticeFate(e.notice, tz)}
                </p>
                <details>
                  <summary className="cursor-pointer rounded text-brand-700 underline underline-offset-2">
                    Its steps ({e.notice.events.length})
                  </summary>
                  <ol className="mt-1 flex flex-col gap-1 pl-3">
                    {e.notice.events.map((ev) => (
                      <li key={ev.id}>
                        <time dateTime={ev.at.toISOString()} className="text-slate-600">
                          {formatInTimeZone(ev.at, tz, 'd MMM, h:mm:ss aaa')}
                        </time>{' '}
                        — {eventLabel(ev)}
                      </li>
                    ))}
                  </ol>
                </details>
              </li>
            ),
          )}
        </ol>
      )}
    </section>
  );
}
