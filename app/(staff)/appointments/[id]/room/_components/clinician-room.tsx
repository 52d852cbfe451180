'use client';

// The clinician's side of the call. The session's state (waiting patient,
// messages, guests, attendance) comes live from the staff event stream; the
// call itself from the VideoProvider. Staff actions are the same server
// actions as the appointment page's panel.
import dynamic from 'next/dynamic';
import { useActionState, useCallback, useEffect, useRef, useState } from 'react';

import { useEventStream } from '@/components/hooks/use-event-stream';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { VideoAudienceProvider } from '@/components/video/audience';
import { JOIN_AGAIN } from '@/components/video/error-messages';
import { ProblemPanel } from '@/components/video/media-problem';
import { admitPatientAction, endSessionAction } from '@/components/video/staff-video-actions';
import { VideoActionButton } from '@/components/video/staff-video-controls';
import {
  useVideo,
  useVideoActions,
  VideoProvider,
  type IssuedVideoToken,
} from '@/components/video/video-provider';
import { initialFormState } from '@/lib/schemas/form-state';
import type { VideoPanelState } from '@/lib/video/rooms/get-video-panel';

import { Attendance } from './attendance';
import { SessionSide } from './session-side';

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
  useEventStream<{ state: VideoPanelState }>(
    `/api/appointments/${encodeURIComponent(appointmentId)}/video-events`,
    { state: setPanel },
  );
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
  const { disconnect } = useVideoActions();
  const [state, run] = useActionState(endSessionAction.bind(null, appointmentId), initialFormState);
  // Ended on the server: leave the room here too (the others are disconnected by Twilio).
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
