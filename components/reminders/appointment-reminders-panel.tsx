// The reminders of one appointment, for its page: which channel they will use
// and why (or why none can be sent), each reminder with its timeline, and for
// staff: add, move, cancel, resend. Mount on app/(staff)/appointments/[id]/page.tsx:
//   <AppointmentRemindersPanel user={user} appointmentId={appointment.id} />
import { addReminderAction, cancelReminderAction, moveReminderAction, resendReminderAction } from './actions';
import { Alert } from '@/components/ui/alert';
import { roleCan } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session-user';
import { formatMobile } from '@/lib/phone/parse-mobile';
import { getAppointmentReminders } from '@/lib/reminders/views/get-appointment-reminders';
import {
  messageChannelLabel,
  describeOffset,
  eventLabel,
  messageStatusLabels,
  twilioCodeText,
} from '@/lib/reminders/views/reminder-labels';
import { describeReason } from '@/lib/reminders/status/reminder-reasons';
import { isOpenStatus } from '@/lib/schemas/appointment';
import { reminderSourceLabels } from '@/lib/schemas/reminder';
import { formatInTimeZone, toDateString, toTimeString } from '@/lib/time/clinic-time';

import { ReminderButtonForm, ReminderTimeForm } from './reminder-forms';
import { ReminderStatusBadge } from './reminder-status-badge';

const when = (d: Date, timeZone: string) => formatInTimeZone(d, timeZone, 'EEE d MMM yyyy, h:mm aaa');
const localValue = (d: Date, timeZone: string) => `${toDateString(d, timeZone)}T${toTimeString(d, timeZone)}`;

export async function AppointmentRemindersPanel({
  user,
  appointmentId,
}: {
  user: SessionUser;
  appointmentId: string;
}) {
  if (!roleCan(user.role, 'reminders.read')) return null;
  const data = await getAppointmentReminders(user, appointmentId);
  const { plan, patient, reminders, clinicTimeZone: tz } = data;
  const canWrite = roleCan(user.role, 'reminders.write');
  const open = isOpenStatus(data.appointment.status);
  const zoneNote =
    data.patientTimeZone === tz
      ? null
      : `The patient is on ${data.patientTimeZone.replaceAll('_', ' ')} time: quiet hours and the time in the message follow their clock.`;

  return (
    <section
      aria-labelledby="reminders-heading"
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
    >
      <h2 id="reminders-heading" className="text-lg font-semibold">
        Reminders
      </h2>

      {plan.blockedReason ? (
        <Alert tone="warning" title="No reminder can be sent to this patient">
          <p>{describeReason(plan.blockedReason)}</p>
          {plan.whatsappUnavailable && plan.whatsappUnavailable !== plan.blockedReason ? (
            <p className="mt-1">WhatsApp: {describeReason(plan.whatsappUnavailable)}</p>
          ) : null}
        </Alert>
      ) : (
        <p className="text-sm text-slate-800" data-testid="reminder-channels">
          {plan.channels[0] === 'WHATSAPP'
            ? `Reminders go by WhatsApp to ${formatMobile(patient.mobile)}${plan.channels.includes('SMS') ? ', with one SMS if WhatsApp fails' : ' (SMS is not available: ' + (describeReason(patient.smsOptOutAt ? 'SMS_OPTED_OUT' : 'SMS_NOT_CONFIGURED') ?? '') + ')'}.`
            : `Reminders go by SMS to ${formatMobile(patient.mobile)}. ${describeReason(plan.whatsappUnavailable) ?? ''}`}
        </p>
      )}
      {zoneNote ? <p className="text-sm text-slate-700">{zoneNote}</p> : null}
      <p className="text-sm text-slate-600">
        Times below are in the clinic&rsquo;s timezone ({tz.replaceAll('_', ' ')}).
      </p>

      {reminders.length === 0 ? (
        <p className="text-sm text-slate-700">No reminders for this appointment.</p>
      ) : (
        <ol className="flex flex-col divide-y divide-slate-200" aria-label="Reminders for this appointment">
          {reminders.map((r) => {
            const reason = describeReason(r.reason);
            const headingId = `reminder-${r.id}`;
            return (
              <li
                key={r.id}
                className="flex flex-col gap-2 py-3"
                aria-labelledby={headingId}
                data-testid="reminder-item"
                data-reminder-source={r.source}
              >
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <ReminderStatusBadge status={r.status} />
                  <h3 id={headingId} className="font-medium">
                    {r.status === 'SKIPPED' || r.status === 'CANCELLED' ? 'Was due' : 'Due'}{' '}
                    {when(r.dueAt, tz)}
                  </h3>
                  <span className="text-sm text-slate-600">
                    {describeOffset(r.offsetMinutes)} · {reminderSourceLabels[r.source]}
                  </span>
                </div>
                {r.movedByQuietHours ? (
                  <p className="text-sm text-slate-700">
                    Moved earlier from {when(r.requestedAt, tz)} to avoid the patient&rsquo;s quiet hours.
                  </p>
                ) : null}
                {reason && (r.status === 'SKIPPED' || r.status === 'FAILED' || r.status === 'CANCELLED') ? (
                  <p className="text-sm text-slate-800">
                    <span className="font-semibold">Why: </span>
                    {reason}
                    {r.errorCode ? ` (${twilioCodeText(r.errorCode)})` : ''}
                  </p>
                ) : null}
                {r.messages.length > 0 ? (
                  <ul className="text-sm text-slate-800" aria-label="Messages">
                    {r.messages.map((m) => (
                      <li key={m.channel}>
                        {messageChannelLabel(m)}: {messageStatusLabels[m.status] ?? m.status}
                        {m.errorCode ? ` — ${twilioCodeText(m.errorCode)}` : ''}
                      </li>
                    ))}
                  </ul>
                ) : null}
                <details className="text-sm">
                  <summary className="cursor-pointer rounded text-brand-700 underline underline-offset-2">
                    Timeline ({r.events.length} {r.events.length === 1 ? 'entry' : 'entries'})
                  </summary>
                  <ol
                    className="mt-2 flex flex-col gap-1 border-l-2 border-slate-200 pl-3"
                    data-testid="reminder-timeline"
                  >
                    {r.events.map((e) => (
                      <li key={e.id}>
                        <time dateTime={e.at.toISOString()} className="text-slate-600">
                          {formatInTimeZone(e.at, tz, 'd MMM, h:mm:ss aaa')}
                        </time>{' '}
                        — {eventLabel(e)}
                      </li>
                    ))}
                  </ol>
                </details>
                {canWrite && open ? (
                  <div className="flex flex-wrap items-end gap-4">
                    {r.status === 'SCHEDULED' || r.status === 'SKIPPED' ? (
                      <ReminderTimeForm
                        idPrefix={`move-${r.id}`}
                        action={moveReminderAction.bind(null, r.id, appointmentId)}
                        label="Move to"
                        hint="Date and time, clinic timezone."
                        submitLabel="Move reminder"
                        pendingLabel="Moving…"
                        defaultValue={localValue(r.dueAt, tz)}
                      />
                    ) : null}
                    {r.status === 'SCHEDULED' || r.status === 'SENDING' ? (
                      <ReminderButtonForm
                        action={cancelReminderAction.bind(null, r.id, appointmentId)}
                        pendingLabel="Cancelling…"
                        describedBy={headingId}
                      >
                        Cancel reminder
                      </ReminderButtonForm>
                    ) : null}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}

      {canWrite && open ? (
        <div className="flex flex-col gap-4 border-t border-slate-200 pt-4">
          <h3 className="font-semibold">Add or resend</h3>
          <ReminderTimeForm
            idPrefix="add-reminder"
            action={addReminderAction.bind(null, appointmentId)}
            label="Send a reminder at"
            hint="Date and time, clinic timezone. Quiet hours on the patient's clock still apply."
            submitLabel="Add reminder"
            pendingLabel="Adding…"
          />
          <ReminderButtonForm action={resendReminderAction.bind(null, appointmentId)} pendingLabel="Queuing…">
            Send a reminder now
          </ReminderButtonForm>
        </div>
      ) : null}
    </section>
  );
}
