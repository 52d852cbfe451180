import Link from 'next/link';

import { markReplyHandledAction } from '@/components/reminders/actions';
import { ReminderButtonForm } from '@/components/reminders/reminder-forms';
import type { listRepliesNeedingAttention } from '@/lib/reminders/replies/list-replies';
import { channelName } from '@/lib/reminders/views/reminder-labels';
import { patientDisplayName } from '@/lib/schemas/patient';
import { formatInTimeZone } from '@/lib/time/clinic-time';

type Reply = Awaited<ReturnType<typeof listRepliesNeedingAttention>>[number];

const replyIntentLabels: Record<string, string> = {
  CONFIRM: 'Confirmation we could not match',
  RESCHEDULE: 'Asked to reschedule',
  OPT_OUT: 'Opted out (they may also mean the appointment)',
  OPT_IN: 'Opted back in',
  HELP: 'Asked for help',
  UNKNOWN: 'Message for staff',
};

/** Replies someone has to act on, each with who sent it and, for staff who may, a button to mark it dealt with. */
export function RepliesList({
  replies,
  timeZone,
  canWrite,
}: {
  replies: Reply[];
  timeZone: string;
  canWrite: boolean;
}) {
  if (replies.length === 0) {
    return (
      <p className="text-sm text-slate-700" role="status">
        No replies are waiting.
      </p>
    );
  }
  return (
    <ul className="flex flex-col gap-3" data-testid="replies">
      {replies.map((r) => (
        <li key={r.id} className="flex flex-col gap-2 rounded-lg border border-amber-300 bg-amber-50 p-3">
          <p className="text-sm font-semibold text-amber-950">
            {replyIntentLabels[r.intent] ?? r.intent} · {channelName[r.channel]} ·{' '}
            {formatInTimeZone(r.receivedAt, timeZone, 'EEE d MMM, h:mm aaa')}
          </p>
          <p className="text-sm">
            From{' '}
            {r.patient ? (
              <Link
                href={`/patients/${r.patient.id}`}
                className="font-medium text-brand-700 underline underline-offset-2"
              >
                {patientDisplayName(r.patient)}
              </Link>
            ) : (
              'a number not on file'
            )}
            {r.appointmentId ? (
              <>
                {' '}
                about{' '}
                <Link
                  href={`/appointments/${r.appointmentId}`}
                  className="text-brand-700 underline underline-offset-2"
                >
                  this appointment
                </Link>
              </>
            ) : null}
          </p>
          <blockquote className="whitespace-pre-wrap rounded border-l-4 border-amber-400 bg-white px-3 py-2 text-sm">
            {r.body}
          </blockquote>
          {canWrite ? (
            <ReminderButtonForm action={markReplyHandledAction.bind(null, r.id)} pendingLabel="Saving…">
              Mark as dealt with
            </ReminderButtonForm>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
