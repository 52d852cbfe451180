'use client';

// The clinician's side of the call. The session's state (waiting patient,
// messages, guests, attendance) comes live from the staff event stream; the
// call itself from the VideoProvider. Staff actions are the same server
// actions as the appointment page's panel.
import dynamic from 'next/dynamic';
import { useActionState, useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { VideoAudienceProvider } from '@/components/video/audience';
import { JOIN_AGAIN } from '@/components/video/error-messages';
import { ProblemPanel } from '@/components/video/media-problem';
import {
  admitPatientAction,
  createGuestLinkAction,
  endSessionAction,
  markNoShowAction,
  postWaitingMessageAction,
} from '@/components/video/staff-video-actions';
import {
  GuestLinkButton,
  VideoActionButton,
  WaitingMessageForm,
} from '@/components/video/staff-video-controls';
import { useVideo, VideoProvider, type IssuedVideoToken } from '@/components/video/video-provider';
import { initialFormState } from '@/lib/schemas/form-state';
import type { VideoPanelState } from '@/lib/video/get-video-panel';
import { QUICK_REPLIES } from '@/lib/video/quick-replies';

// The call UI and device check load after the page is interactive.
const CallView = dynamic(() => import('@/components/video/call-view').then((m) => m.CallView), {
  ssr: false,
});
const DeviceCheck = dynamic(() => import('@/components/video/device-check').then((m) => m.DeviceCheck), {
  ssr: false,
});

type Props = {
  appointmentId: string;
  initialPanel: VideoPanelState;
  patientFirstName: string;
  timeZone: string;
};

export function ClinicianRoomView(props: Props) {
  const { appointmentId } = props;
  const panel = usePanel(appointmentId, props.initialPanel);
  const guestsRef = useRef(0);
  useEffect(() => {
    guestsRef.current = panel.guestLinks.used + panel.guestLinks.waiting;
  }, [panel.guestLinks.used, panel.guestLinks.waiting]);
  const getToken = useCallback(async (): Promise<IssuedVideoToken> => {
    const response = await fetch(`/api/appointments/${encodeURIComponent(appointmentId)}/video-token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
      cache: 'no-store',
    });
    const json = (await response.json().catch(() => null)) as
      (IssuedVideoToken & { error?: { message?: string } }) | null;
    if (!response.ok || !json)
      throw new Error(json?.error?.message ?? 'The video service did not answer. Try again.');
    return json;
  }, [appointmentId]);
  // A guest invited (or already in) makes it a multiparty call: simulcast and a collaboration profile.
  const expectedParticipants = useCallback(() => 2 + guestsRef.current, []);
  return (
    <VideoAudienceProvider value={CLINICIAN}>
      <VideoProvider getToken={getToken} expectedParticipants={expectedParticipants}>
        <Room {...props} panel={panel} />
      </VideoProvider>
    </VideoAudienceProvider>
  );
}

const CLINICIAN = { reader: 'clinician', clinicPhone: null } as const;

/** The staff view of the session, re-sent by the server after every change. */
function usePanel(appointmentId: string, initial: VideoPanelState): VideoPanelState {
  const [panel, setPanel] = useState(initial);
  useEffect(() => {
    const source = new EventSource(`/api/appointments/${encodeURIComponent(appointmentId)}/video-events`);
    const onState = (event: MessageEvent<string>) => setPanel(JSON.parse(event.data) as VideoPanelState);
    source.addEventListener('state', onState as EventListener);
    return () => {
      source.removeEventListener('state', onState as EventListener);
      source.close();
    };
  }, [appointmentId]);
  return panel;
}

function Room({ appointmentId, panel, patientFirstName, timeZone }: Props & { panel: VideoPanelState }) {
  const video = useVideo();
  const nameFor = useCallback(
    (identity: string) =>
      identity.startsWith('patient:') ? patientFirstName : identity.startsWith('guest:') ? 'Guest' : 'Staff',
    [patientFirstName],
  );
  const waiting = panel.waiting?.status === 'WAITING';
  const inCall = Boolean(video.room);

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(18rem,1fr)]">
      <div className="flex flex-col gap-4">
        {waiting && inCall ? (
          <div
            role="alert"
            className="flex flex-wrap items-center gap-3 rounded-md border-l-8 border-amber-500 bg-amber-50 p-3 text-amber-950"
          >
            <p className="font-semibold">
              <span aria-hidden="true">● </span>
              {patientFirstName} is in the waiting room.
            </p>
            <VideoActionButton
              action={admitPatientAction.bind(null, appointmentId)}
              label={`Let ${patientFirstName} in`}
              pendingLabel="Admitting…"
              variant="primary"
            />
          </div>
        ) : null}
        {inCall ? (
          <section aria-labelledby="call-heading" className="flex flex-col gap-3">
            <h2 id="call-heading" className="text-lg font-semibold">
              In the call
            </h2>
            <CallView
              nameFor={nameFor}
              waitingFor={
                waiting
                  ? `${patientFirstName} is waiting: let them in to start.`
                  : panel.waiting?.status === 'ADMITTED'
                    ? `${patientFirstName} has been let in and is joining…`
                    : `Waiting for ${patientFirstName}.`
              }
              allowScreenShare
              leaveLabel="Leave (session stays open)"
              extraControls={<EndForEveryone appointmentId={appointmentId} />}
            />
          </section>
        ) : (
          <BeforeOrAfter panel={panel} patientFirstName={patientFirstName} timeZone={timeZone} />
        )}
      </div>
      <SessionSide
        appointmentId={appointmentId}
        panel={panel}
        patientFirstName={patientFirstName}
        timeZone={timeZone}
      />
    </div>
  );
}

function BeforeOrAfter({
  panel,
  patientFirstName,
  timeZone,
}: {
  panel: VideoPanelState;
  patientFirstName: string;
  timeZone: string;
}) {
  const video = useVideo();
  const ended = video.callEnd;
  return (
    <section aria-labelledby="start-heading" className="flex flex-col gap-4">
      <h2 id="start-heading" className="text-lg font-semibold">
        {ended
          ? ended.code === 'ended'
            ? 'Session ended for everyone'
            : 'You have left the call'
          : 'Before you start'}
      </h2>
      {ended?.problem ? <ProblemPanel problem={ended.problem} headingLevel={3} /> : null}
      {ended ? <Attendance panel={panel} patientFirstName={patientFirstName} timeZone={timeZone} /> : null}
      {!ended ? <DeviceCheck headingLevel={3} /> : null}
      {video.connectProblem ? <ProblemPanel problem={video.connectProblem} headingLevel={3} /> : null}
      <Button className="self-start" disabled={video.connecting} onClick={() => void video.connect()}>
        {video.connecting
          ? 'Joining…'
          : ended || video.connectProblem
            ? JOIN_AGAIN
            : 'Start the video session'}
      </Button>
    </section>
  );
}

function EndForEveryone({ appointmentId }: { appointmentId: string }) {
  const video = useVideo();
  const [state, run] = useActionState(endSessionAction.bind(null, appointmentId), initialFormState);
  // Ended on the server: leave the room here too (the others are disconnected by Twilio).
  const { disconnect } = video;
  useEffect(() => {
    if (state.status === 'success') disconnect('ended');
  }, [state, disconnect]);
  return (
    <form action={run} className="contents">
      <ConfirmDialog
        triggerLabel="End session for everyone"
        pendingLabel="Ending…"
        title="End the session for everyone?"
        message="Everyone in the call, the patient included, is disconnected and the room closes. You can start it again while the appointment’s window is open."
        confirmLabel="End the session"
        errors={state.fieldErrors?.confirm}
      />
      {state.message && state.status !== 'success' ? (
        <span role="status" className="text-sm">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

function SessionSide({
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

function minutesSeconds(seconds: number | null): string {
  if (seconds === null) return 'not recorded';
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m ? `${m} min ${s} s` : `${s} s`;
}

const bands: Record<string, string> = {
  UNDER_20_MIN: 'under 20 minutes',
  FROM_20_UNDER_50_MIN: '20 to under 50 minutes',
  FROM_50_MIN: '50 minutes or more',
};

/** What Twilio's status callbacks recorded; arrives a few seconds after the call as the callbacks come in. */
function Attendance({
  panel,
  patientFirstName,
}: {
  panel: VideoPanelState;
  patientFirstName: string;
  timeZone: string;
}) {
  const a = panel.attendance;
  return (
    <section
      aria-labelledby="attendance-heading"
      className="rounded-lg border border-slate-200 bg-white p-4"
      aria-live="polite"
    >
      <h3 id="attendance-heading" className="font-semibold">
        Attendance
      </h3>
      {a ? (
        <dl className="mt-2 grid gap-1 text-sm sm:grid-cols-2">
          <dt className="font-medium text-slate-600">{patientFirstName} connected</dt>
          <dd data-testid="attendance-patient">{minutesSeconds(a.patientSeconds)}</dd>
          <dt className="font-medium text-slate-600">You connected</dt>
          <dd>{minutesSeconds(a.clinicianSeconds)}</dd>
          <dt className="font-medium text-slate-600">Together</dt>
          <dd data-testid="attendance-joint">{minutesSeconds(a.jointSeconds)}</dd>
          <dt className="font-medium text-slate-600">Medicare time band</dt>
          <dd>{a.medicareTimeBand ? bands[a.medicareTimeBand] : 'not yet known'}</dd>
          <dt className="font-medium text-slate-600">Sound only</dt>
          <dd>{a.audioOnly === null ? 'not known' : a.audioOnly ? 'yes' : 'no'}</dd>
        </dl>
      ) : (
        <p className="mt-2 text-sm">Waiting for the video service’s records of who was connected…</p>
      )}
    </section>
  );
}
