'use client';

// The side panel of the clinician's room: the patient's waiting status,
// consent, who is connected, their quick replies, and the staff actions.
import { useMemo } from 'react';

import { QuickReplyList } from '@/components/video/quick-reply-list';
import {
  admitPatientAction,
  createGuestLinkAction,
  markNoShowAction,
  postWaitingMessageAction,
} from '@/components/video/staff-video-actions';
import {
  GuestLinkButton,
  MarkNoShowButton,
  VideoActionButton,
  WaitingMessageForm,
} from '@/components/video/staff-video-controls';
import { WaitingMessageList } from '@/components/video/waiting-message-list';
import type { VideoPanelState } from '@/lib/video/rooms/get-video-panel';

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
        <QuickReplyList
          firstName={patientFirstName}
          replies={panel.replies}
          at={at}
          testId="room-quick-replies"
          heading="h3"
          live
        />
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
          <WaitingMessageList messages={panel.messages} at={at} />
          <WaitingMessageForm action={postWaitingMessageAction.bind(null, appointmentId)} idPrefix="room" />
        </div>
      ) : null}
      {!closed ? <GuestLinkButton action={createGuestLinkAction.bind(null, appointmentId)} /> : null}
      {!closed && panel.can.markNoShow && panel.started ? (
        <MarkNoShowButton action={markNoShowAction.bind(null, appointmentId)} />
      ) : null}
      {panel.appointmentStatus === 'NO_SHOW' ? <p className="font-medium">Marked as a no-show.</p> : null}
    </aside>
  );
}
