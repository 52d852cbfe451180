import Link from 'next/link';

import { KindLabel } from '@/components/appointments/kind-label';
import { StatusBadge } from '@/components/appointments/status-badge';
import { buttonClasses } from '@/components/ui/button';
import type { HistoryEntry } from '@/lib/patients/patient-history-entries';
import { describeReason } from '@/lib/reminders/status/reminder-reasons';
import { messageChannelLabel, messageStatusLabels, twilioCodeText } from '@/lib/reminders/views/reminder-labels';
import { reminderSourceLabels, reminderStatusLabels } from '@/lib/schemas/reminder';
import { formatInTimeZone } from '@/lib/time/clinic-time';
import { QUICK_REPLIES } from '@/lib/video/waiting-room/quick-replies';

const bandLabels: Record<string, string> = {
  UNDER_20_MIN: 'under 20 minutes',
  FROM_20_UNDER_50_MIN: '20 to under 50 minutes',
  FROM_50_MIN: '50 minutes or more',
};
const intentLabels: Record<string, string> = {
  CONFIRM: 'Confirmed the appointment',
  RESCHEDULE: 'Asked to reschedule',
  OPT_OUT: 'Asked to stop messages',
  OPT_IN: 'Asked for messages again',
  HELP: 'Asked for help',
  UNKNOWN: 'Replied',
};
const consentWords: Record<string, string> = {
  messagingConsentAt: 'consent to appointment messages',
  messagingConsentMethod: 'how consent was given',
  whatsappConsent: 'WhatsApp consent',
  smsOptOutAt: 'SMS opt-out',
  whatsappOptOutAt: 'WhatsApp opt-out',
};
const typeWords = {
  appointment: 'Appointment',
  message: 'Message sent',
  reply: 'Reply',
  consent: 'Consent',
} as const;

/**
 * What happened with this patient, newest first, each with its time in the
 * clinic's zone. "Show more" is a plain link (?history=N) so it works before
 * JavaScript and keeps the place on the page.
 */
export function PatientHistory({
  entries,
  hasMore,
  moreHref,
  timeZone,
  scopedToClinician,
}: {
  entries: HistoryEntry[];
  hasMore: boolean;
  moreHref: string;
  timeZone: string;
  scopedToClinician: boolean;
}) {
  const zone = timeZone.replaceAll('_', ' ');
  const when = (d: Date) => formatInTimeZone(d, timeZone, 'EEE d MMM yyyy, h:mm aaa');
  const clock = (d: Date) => formatInTimeZone(d, timeZone, 'h:mm aaa');

  return (
    <section id="history" aria-labelledby="history-heading" className="flex min-w-0 flex-col gap-3">
      <h2 id="history-heading" className="text-lg font-semibold">
        History
      </h2>
      <p className="text-sm text-slate-700">
        Past appointments, messages, replies and consent changes, newest first. Times are in the
        clinic&rsquo;s timezone ({zone}).
        {scopedToClinician ? ' Only your own sessions with this patient are shown.' : ''}
      </p>
      {entries.length === 0 ? (
        <p className="text-slate-700">Nothing yet.</p>
      ) : (
        <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {entries.map((e) => (
            <li
              key={`${e.type}:${e.id}`}
              className="grid min-w-0 gap-1 px-4 py-3 sm:grid-cols-[13rem_1fr] sm:gap-4"
            >
              <div className="text-sm text-slate-700">
                <time dateTime={e.at.toISOString()}>{when(e.at)}</time>
                <span className="block text-xs font-semibold tracking-wide text-slate-600 uppercase">
                  {typeWords[e.type]}
                </span>
              </div>
              <div className="min-w-0 break-words">
                {e.type === 'appointment' ? (
                  <>
                    <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
                      <Link
                        href={`/appointments/${e.id}`}
                        className="font-semibold text-brand-700 underline underline-offset-2"
                      >
                        With {e.clinicianName}
                      </Link>
                      <KindLabel kind={e.kind} />
                      <StatusBadge status={e.status} />
                    </p>
                    {e.video ? (
                      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm text-slate-800">
                        <dt className="text-slate-600">Joined</dt>
                        <dd>{e.video.joinedAt ? clock(e.video.joinedAt) : 'Did not join'}</dd>
                        <dt className="text-slate-600">Left</dt>
                        <dd>
                          {e.video.leftAt ? clock(e.video.leftAt) : e.video.joinedAt ? 'Not recorded' : '–'}
                        </dd>
                        <dt className="text-slate-600">Minutes</dt>
                        <dd>
                          {e.video.patientMinutes ?? 0} connected
                          {e.video.jointMinutes !== null
                            ? `, ${e.video.jointMinutes} with the clinician`
                            : ''}
                        </dd>
                        <dt className="text-slate-600">Medicare time band</dt>
                        <dd>
                          {e.video.medicareTimeBand
                            ? bandLabels[e.video.medicareTimeBand]
                            : 'None (did not attend)'}
                        </dd>
                        <dt className="text-slate-600">Audio only</dt>
                        <dd>{e.video.audioOnly === null ? '–' : e.video.audioOnly ? 'Yes' : 'No'}</dd>
                      </dl>
                    ) : e.kind === 'TELEHEALTH' ? (
                      <p className="text-sm text-slate-700">No video attendance recorded.</p>
                    ) : null}
                  </>
                ) : e.type === 'message' ? (
                  <>
                    <p>
                      <span className="font-medium">{reminderSourceLabels[e.source]}</span> about the
                      appointment on{' '}
                      <Link
                        href={`/appointments/${e.appointmentId}`}
                        className="text-brand-700 underline underline-offset-2"
                      >
                        {when(e.appointmentStartsAt)}
                      </Link>
                      : <span className="font-medium">{reminderStatusLabels[e.status]}</span>
                      {e.reason && (e.status === 'SKIPPED' || e.status === 'FAILED')
                        ? ` (${describeReason(e.reason)})`
                        : ''}
                    </p>
                    {e.channels.length > 0 ? (
                      <ul className="text-sm text-slate-700">
                        {e.channels.map((m) => (
                          <li key={m.channel}>
                            {messageChannelLabel(m)}: {messageStatusLabels[m.status] ?? m.status}
                            {m.errorCode ? ` (${twilioCodeText(m.errorCode)})` : ''}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </>
                ) : e.type === 'reply' ? (
                  e.quickReply ? (
                    <p>From the waiting room: &ldquo;{QUICK_REPLIES[e.quickReply]}&rdquo;</p>
                  ) : (
                    <>
                      <p className="font-medium">
                        {intentLabels[e.intent ?? 'UNKNOWN']}
                        {e.channel ? ` by ${e.channel === 'SMS' ? 'SMS' : 'WhatsApp'}` : ''}
                      </p>
                      {e.body ? (
                        <p className="line-clamp-3 text-sm text-slate-800" title={e.body}>
                          &ldquo;{e.body}&rdquo;
                        </p>
                      ) : null}
                    </>
                  )
                ) : (
                  <p>
                    Changed {e.fields.map((f) => consentWords[f] ?? f).join(', ')}
                    {e.actorName
                      ? ` (by ${e.actorName})`
                      : e.operation
                        ? ' (by the patient, replying to a message)'
                        : ''}
                  </p>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      {hasMore ? (
        <div>
          <Link href={moreHref} scroll={false} className={buttonClasses('secondary')}>
            Show more history
          </Link>
        </div>
      ) : null}
    </section>
  );
}
