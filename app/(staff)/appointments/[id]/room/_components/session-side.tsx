'use client';

// The side panel of the clinician's room: the patient's waiting status,
// consent, who is connected, their quick replies, and the staff actions.
import { useMemo } from 'react';

import {
  admitPatientAction,
  createGuestLinkAction,
  markNoShowAction,
  postWaitingMessageAction,
} from '@/components/video/staff-video-actions';
import {
  GuestLinkButton,
  VideoActionButton,
  WaitingMessageForm,
} from '@/components/video/staff-video-controls';
import type { VideoPanelState } from '@/lib/video/get-video-panel';
import { QUICK_REPLIES } from '@/lib/video/quick-replies';

export function SessionSide({
  appointmentId,
  panel,
  patientFirstName,
  timeZone,
}: {
  appointmentId: string;
  panel: VideoPanelState;
  patientFirstName: string;
  timeZone: string;
}) {
  const at = useMemo(
    () => (iso: string) =>
      new Intl.DateTimeFormat('en-AU', { timeZone, hour: 'numeric', minute: '2-digit' }).format(
        new Date(iso),
      ),
    [timeZone],
  );
  const status = panel.waiting?.status;
  const closed = panel.appointmentStatus === 'CANCELLED' || panel.appointmentStatus === 'NO_SHOW';
  return (
    <aside
      aria-labelledby="session-heading"
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="session-heading" className="text-lg font-semibold">
        {patientFirstName}
      </h2>
      <dl className="flex flex-col gap-2 text-sm">
        <div>
          <dt className="font-medium text-slate-600">Waiting room</dt>
          <dd data-testid="room-waiting-status">
            {status === 'WAITING'
              ? `● Waiting since ${at(panel.waiting!.since)}`
              : status === 'ADMITTED'
                ? '✓ Let in'
                : status === 'DECLINED'
                  ? '✗ Not admitted'
                  : status === 'LEFT'
                    ? '↩ Left'
                    : 'Not arrived'}
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-600">Consent and location</dt>
          <dd>
            {panel.consent
              ? `Given ${at(panel.consent.at)}; ${panel.consent.location === 'IN_AUSTRALIA' ? 'in Australia' : 'outside Australia'}`
              : 'Not yet given'}
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-600">In the call now</dt>
          <dd>
            {panel.connected.length
              ? panel.connected.map((c) => c.role?.toLowerCase() ?? 'other').join(', ')
              : 'Nobody'}
          </dd>
        </div>
      </dl>
      {panel.replies.length ? (
        <div
          data-testid="room-quick-replies"
          className="rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-sky-950"
        >
          <h3 className="font-semibold">{patientFirstName} replied</h3>
          <ul aria-live="polite">
            {panel.replies.map((r) => (
              <li key={r.id}>
                <span className="text-slate-700">{at(r.at)}:</span> “{QUICK_REPLIES[r.reply]}”
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {status === 'WAITING' ? (
        <VideoActionButton
          action={admitPatientAction.bind(null, appointmentId)}
          label={`Let ${patientFirstName} in`}
          pendingLabel="Admitting…"
          variant="primary"
        />
      ) : null}
      {!closed && panel.can.message ? (
        <div className="flex flex-col gap-2">
          <h3 className="font-semibold">Messages to the waiting patient</h3>
          {panel.messages.length ? (
            <ul className="flex flex-col gap-1 text-sm">
              {panel.messages.map((m) => (
                <li key={m.id}>
                  <span className="text-slate-600">{at(m.at)}:</span> {m.body}
                </li>
              ))}
            </ul>
          ) : null}
          <WaitingMessageForm action={postWaitingMessageAction.bind(null, appointmentId)} idPrefix="room" />
        </div>
      ) : null}
      {!closed ? <GuestLinkButton action={createGuestLinkAction.bind(null, appointmentId)} /> : null}
      {!closed && panel.can.markNoShow && panel.started ? (
        <VideoActionButton
          action={markNoShowAction.bind(null, appointmentId)}
          label="Mark as no-show"
          pendingLabel="Saving…"
          confirm={{
            title: 'Mark this appointment as a no-show?',
            message: 'The patient’s join link will stop working, and the appointment is recorded as missed.',
            confirmLabel: 'Mark as no-show',
          }}
        />
      ) : null}
      {panel.appointmentStatus === 'NO_SHOW' ? <p className="font-medium">Marked as a no-show.</p> : null}
    </aside>
  );
}
