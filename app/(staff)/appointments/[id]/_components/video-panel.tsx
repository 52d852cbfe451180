// The appointment page's video panel (telehealth appointments only): the
// patient's join link to copy, regenerate or withdraw; consent and the waiting
// room; messages; guests; ending the session; attendance. Mounted by the
// appointment page with the appointment id and the signed-in user.
import Link from 'next/link';
import type { ReactNode } from 'react';

import { buttonClasses } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import type { SessionUser } from '@/lib/auth/session-user';
import { isAppError } from '@/lib/errors/app-error';
import { formatInTimeZone } from '@/lib/time/clinic-time';
import { getClinicTimeZone } from '@/lib/time/get-clinic-time-zone';
import { linkUseLabels } from '@/lib/video/rooms/derive-session-status';
import { getVideoPanel, type VideoPanelState } from '@/lib/video/rooms/get-video-panel';
import { QUICK_REPLIES } from '@/lib/video/waiting-room/quick-replies';

import {
  admitPatientAction,
  createGuestLinkAction,
  declinePatientAction,
  endSessionAction,
  markNoShowAction,
  postWaitingMessageAction,
  regenerateJoinLinkAction,
  sendJoinLinkAction,
  revokeJoinLinkAction,
} from '@/components/video/staff-video-actions';
import {
  GuestLinkButton,
  MarkNoShowButton,
  VideoActionButton,
  VideoPanelLive,
  WaitingMessageForm,
} from '@/components/video/staff-video-controls';
import { WaitingMessageList } from '@/components/video/waiting-message-list';

const waitingLabels: Record<string, string> = {
  WAITING: 'Waiting to be let in',
  ADMITTED: 'Admitted',
  DECLINED: 'Not admitted',
  LEFT: 'Left the waiting room',
};
const bandLabels: Record<string, string> = {
  UNDER_20_MIN: 'under 20 minutes',
  FROM_20_UNDER_50_MIN: '20 to under 50 minutes',
  FROM_50_MIN: '50 minutes or more',
};

export async function VideoPanel({ appointmentId, user }: { appointmentId: string; user: SessionUser }) {
  let panel: VideoPanelState;
  try {
    panel = await getVideoPanel(user, appointmentId);
  } catch (err) {
    // In-person appointments have no video session; people who may not see it get no panel.
    if (isAppError(err) && ['CONFLICT', 'NOT_FOUND', 'FORBIDDEN'].includes(err.code)) return null;
    throw err;
  }
  const timeZone = await getClinicTimeZone(user.clinicId);
  const at = (iso: string) => formatInTimeZone(new Date(iso), timeZone, 'h:mm aaa, d MMM');
  const zone = `${timeZone.split('/').pop()?.replace(/_/g, ' ') ?? timeZone} time`;
  const patientWaiting = panel.waiting?.status === 'WAITING';
  const closed = panel.appointmentStatus === 'CANCELLED' || panel.appointmentStatus === 'NO_SHOW';
  const id = panel.appointmentId;

  return (
    <section
      aria-labelledby="video-heading"
      className="flex flex-col gap-5 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
    >
      <VideoPanelLive appointmentId={id} />
      <h2 id="video-heading" className="text-lg font-semibold">
        Video session
      </h2>
      <p className="text-sm text-slate-700">
        The patient can join from {at(panel.patientOpensAt)} (the clinician from {at(panel.clinicianOpensAt)}
        ); the session closes at {at(panel.closesAt)}. Times in {zone}.
      </p>

      {!closed && (panel.can.manageLinks || panel.can.host) ? (
        <Block title="Patient’s join link">
          {panel.joinLink ? (
            <>
              <div className="flex flex-wrap items-center gap-2">
                <code className="break-all rounded bg-slate-100 px-2 py-1 text-sm">{panel.joinLink.url}</code>
                <CopyButton value={panel.joinLink.url} label="Copy link" />
              </div>
              {panel.joinLink.uses.length ? (
                <ul className="text-sm text-slate-700" data-testid="link-uses">
                  {panel.joinLink.uses.map((u) => (
                    <li key={u.step}>
                      {linkUseLabels[u.step]}: {at(u.at)}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-slate-600" data-testid="link-uses">
                  Not used yet.
                </p>
              )}
            </>
          ) : (
            <p className="text-sm text-slate-700">
              There is no working link. Make one to send to the patient.
            </p>
          )}
          <div className="flex flex-wrap gap-3">
            <VideoActionButton
              action={regenerateJoinLinkAction.bind(null, id)}
              label={panel.joinLink ? 'Make a new link' : 'Make a link'}
              pendingLabel="Making…"
              confirm={
                panel.joinLink
                  ? {
                      title: 'Make a new join link?',
                      message: 'The patient’s current link will stop working. Send them the new one.',
                      confirmLabel: 'Make a new link',
                    }
                  : {
                      title: 'Make a join link?',
                      message: 'The patient has no working link. You can send this one to them next.',
                      confirmLabel: 'Make the link',
                    }
              }
            />
            {panel.can.sendLink ? (
              <VideoActionButton
                action={sendJoinLinkAction.bind(null, id)}
                label="Send link to patient"
                pendingLabel="Sending…"
              />
            ) : null}
            {panel.joinLink ? (
              <VideoActionButton
                action={revokeJoinLinkAction.bind(null, id)}
                label="Withdraw link"
                pendingLabel="Withdrawing…"
                variant="danger"
                confirm={{
                  title: 'Withdraw the join link?',
                  message: patientWaiting
                    ? 'The patient is in the waiting room and will be told the link no longer works. They will need a new link to join.'
                    : 'The link stops working at once. Make a new one when the patient needs it.',
                  confirmLabel: 'Withdraw the link',
                }}
              />
            ) : null}
          </div>
        </Block>
      ) : null}

      <Block title="Patient">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <Item term="Consent to telehealth">
            {panel.consent
              ? `Given ${at(panel.consent.at)}; ${panel.consent.location === 'IN_AUSTRALIA' ? 'in Australia' : 'outside Australia'}`
              : 'Not yet given'}
          </Item>
          <Item term="Waiting room">
            {panel.waiting
              ? `${waitingLabels[panel.waiting.status]} (since ${at(panel.waiting.since)})`
              : 'Not arrived'}
          </Item>
          <Item term="In the call now">
            {panel.connected.length
              ? panel.connected.map((c) => c.role?.toLowerCase() ?? 'other').join(', ')
              : 'Nobody'}
          </Item>
          {panel.replies.length ? (
            <Item term="Patient’s replies">
              <ul>
                {panel.replies.map((r) => (
                  <li key={r.id}>
                    {at(r.at)}: “{QUICK_REPLIES[r.reply]}”
                  </li>
                ))}
              </ul>
            </Item>
          ) : null}
          {panel.attendance?.patientSeconds ? (
            <Item term="Attendance so far">
              Patient {Math.round(panel.attendance.patientSeconds / 60)} min, together{' '}
              {Math.round((panel.attendance.jointSeconds ?? 0) / 60)} min
              {panel.attendance.medicareTimeBand ? ` (${bandLabels[panel.attendance.medicareTimeBand]})` : ''}
              {panel.attendance.audioOnly ? '; audio only' : ''}
            </Item>
          ) : null}
        </dl>
        {panel.can.host && panel.waiting?.status === 'WAITING' ? (
          <div className="flex flex-wrap gap-3">
            <VideoActionButton
              action={admitPatientAction.bind(null, id)}
              label="Let the patient in"
              pendingLabel="Admitting…"
              variant="primary"
            />
            <VideoActionButton
              action={declinePatientAction.bind(null, id)}
              label="Don’t admit"
              pendingLabel="Declining…"
            />
          </div>
        ) : null}
      </Block>

      {!closed && panel.can.message ? (
        <Block title="Messages to the waiting patient">
          <WaitingMessageList messages={panel.messages} at={at} />
          <WaitingMessageForm action={postWaitingMessageAction.bind(null, id)} />
        </Block>
      ) : null}

      {!closed && (panel.can.host || panel.can.markNoShow) ? (
        <Block title="Session">
          <p className="text-sm text-slate-700">
            Room: {panel.room ? `${panel.room.status.toLowerCase().replace('_', ' ')}` : 'not started yet'}
            {panel.sessionEndedAt ? `; ended ${at(panel.sessionEndedAt)}` : ''}.
            {panel.guestLinks.waiting ? ` Guest links not yet used: ${panel.guestLinks.waiting}.` : ''}
          </p>
          <div className="flex flex-wrap gap-3">
            {panel.can.host && !panel.sessionEndedAt ? (
              <Link href={`/appointments/${id}/room`} className={buttonClasses('primary')}>
                Open the video room
              </Link>
            ) : null}
            {panel.can.host ? <GuestLinkButton action={createGuestLinkAction.bind(null, id)} /> : null}
            {panel.can.host && panel.room?.status === 'IN_PROGRESS' ? (
              <VideoActionButton
                action={endSessionAction.bind(null, id)}
                label="End session for everyone"
                pendingLabel="Ending…"
                variant="danger"
                confirm={{
                  title: 'End the session for everyone?',
                  message:
                    'Everyone in the call, the patient included, is disconnected and the room closes. You can start it again while the appointment’s window is open.',
                  confirmLabel: 'End the session',
                }}
              />
            ) : null}
            {panel.noShowSuggested && panel.can.markNoShow ? (
              <p className="basis-full rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
                The patient has not joined. If they are not coming, record it as a no-show.
              </p>
            ) : null}
            {panel.can.markNoShow && panel.started ? (
              <MarkNoShowButton action={markNoShowAction.bind(null, id)} />
            ) : null}
          </div>
        </Block>
      ) : null}
    </section>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-2">
      <h3 className="font-semibold">{title}</h3>
      {children}
    </div>
  );
}

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="font-medium text-slate-600">{term}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}
