'use client';

// The part of the join page that uses the camera, microphone and call, loaded
// only once the person starts the check. One VideoProvider spans the check,
// consent, waiting room and call, so the tracks (and the blur) carry through.
import { useCallback, useEffect, useRef, type ReactNode } from 'react';

import { Button } from '@/components/ui/button';
import { CallView } from '@/components/video/call-view';
import { DeviceCheck } from '@/components/video/device-check';
import { JOIN_AGAIN } from '@/components/video/error-messages';
import { ProblemPanel } from '@/components/video/media-problem';
import { useVideo, VideoProvider } from '@/components/video/video-provider';
import { VideoTrack } from '@/components/video/video-track';

import { joinApi } from './join-api';
import { StepHeading } from './step-heading';

type Step = 'check' | 'consent' | 'waiting';

type Props = {
  step: Step;
  token: string;
  appointmentId: string;
  role: 'patient' | 'guest';
  clinician: string;
  admitted: boolean;
  open: boolean;
  onContinue: () => void;
  onTokenIssued: (rejoinKey: string | undefined) => void;
  consent: ReactNode;
  waiting: ReactNode;
};

export function JoinMedia(props: Props) {
  const { token, appointmentId, onTokenIssued } = props;
  const getToken = useCallback(async () => {
    const issued = await joinApi.videoToken(token, appointmentId);
    onTokenIssued(issued.rejoinKey);
    return issued;
  }, [token, appointmentId, onTokenIssued]);
  return (
    <VideoProvider getToken={getToken}>
      <JoinMediaSteps {...props} />
    </VideoProvider>
  );
}

function JoinMediaSteps({
  step,
  token,
  role,
  clinician,
  admitted,
  open,
  onContinue,
  consent,
  waiting,
}: Props) {
  const video = useVideo();
  const getTestToken = useCallback(() => joinApi.preflightToken(token), [token]);
  const nameFor = useCallback(
    (identity: string) =>
      identity.startsWith('clinician:')
        ? clinician
        : identity.startsWith('guest:')
          ? 'Guest'
          : role === 'guest'
            ? 'Patient'
            : 'Guest',
    [clinician, role],
  );

  if (video.room) {
    return (
      <section aria-labelledby="call-heading" className="flex flex-col gap-3">
        <StepHeading id="call-heading">In your session with {clinician}</StepHeading>
        <CallView
          nameFor={nameFor}
          waitingFor={`Connected. Waiting for ${clinician} to join…`}
          leaveLabel="Leave call"
        />
      </section>
    );
  }
  if (video.callEnd) return <CallEnded clinician={clinician} />;

  if (step === 'check') {
    return (
      <section aria-labelledby="check-heading" className="flex flex-col gap-4">
        <StepHeading id="check-heading">Check your camera and sound</StepHeading>
        <DeviceCheck getTestToken={getTestToken} headingLevel={3} />
        {video.audioTrack ? (
          <Button className="self-start text-base" onClick={onContinue}>
            Continue
          </Button>
        ) : null}
      </section>
    );
  }
  if (step === 'consent') return <>{consent}</>;

  return (
    <div className="flex flex-col gap-4">
      {waiting}
      <SelfView />
      {admitted && open ? <JoinButton clinician={clinician} /> : null}
    </div>
  );
}

/** A small picture of yourself while waiting (it is not sent anywhere), and sound only one tap away. */
function SelfView() {
  const video = useVideo();
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="aspect-video w-40 overflow-hidden rounded-md bg-slate-800">
        {video.videoTrack ? (
          <VideoTrack track={video.videoTrack} label="Your camera preview" mirror />
        ) : (
          <p className="flex h-full items-center justify-center p-2 text-center text-sm text-white">
            Camera off
          </p>
        )}
      </div>
      <Button variant="secondary" onClick={() => void video.setAudioOnly(!video.audioOnly)}>
        {video.audioOnly ? 'Turn the camera back on' : 'Use sound only (camera off)'}
      </Button>
    </div>
  );
}

function JoinButton({ clinician }: { clinician: string }) {
  const video = useVideo();
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="flex flex-col gap-2 rounded-lg border-2 border-brand-700 bg-brand-50 p-4">
      <p role="alert" className="text-lg font-semibold">
        {clinician} is ready for you.
      </p>
      {video.connectProblem ? <ProblemPanel problem={video.connectProblem} headingLevel={3} /> : null}
      <Button
        ref={ref}
        className="self-start text-base"
        disabled={video.connecting}
        onClick={() => void video.connect()}
      >
        {video.connecting
          ? 'Joining…'
          : video.connectProblem
            ? JOIN_AGAIN
            : video.audioOnly
              ? 'Join the call (sound only)'
              : 'Join the call'}
      </Button>
    </div>
  );
}

function CallEnded({ clinician }: { clinician: string }) {
  const video = useVideo();
  const end = video.callEnd!;
  return (
    <section aria-labelledby="ended-heading" className="flex flex-col gap-3">
      <StepHeading id="ended-heading">
        {end.problem ? 'You were disconnected' : 'You have left the call'}
      </StepHeading>
      {end.problem ? (
        <ProblemPanel
          problem={end.problem}
          headingLevel={3}
          onRetry={end.problem.action === 'contact-clinic' ? undefined : () => void video.connect()}
          retryLabel={video.connecting ? 'Joining…' : JOIN_AGAIN}
        />
      ) : (
        <>
          <p>
            If you left by mistake, you can go back in: {clinician} is still there until they end the session.
          </p>
          <Button className="self-start" disabled={video.connecting} onClick={() => void video.connect()}>
            {video.connecting ? 'Joining…' : JOIN_AGAIN}
          </Button>
        </>
      )}
      {video.connectProblem ? <ProblemPanel problem={video.connectProblem} headingLevel={3} /> : null}
    </section>
  );
}
