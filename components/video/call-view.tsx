'use client';

// The call itself: everyone's video in a grid, the controls, the reconnecting
// banner, "tap to hear", and a live region that says who joined or left.
// Used by the patient's page and the clinician's room alike.
import { useEffect, useRef, useState, type ReactNode } from 'react';

import { Button } from '@/components/ui/button';

import { BlurChoice } from './device-check';
import { DeviceSettings } from './device-settings';
import { useDominantSpeaker } from './hooks/use-dominant-speaker';
import { useIsTrackEnabled } from './hooks/use-is-track-enabled';
import { useParticipants } from './hooks/use-participants';
import { useRoomState } from './hooks/use-room-state';
import { MicLevelMeter } from './mic-level-meter';
import { LocalParticipantTile, RemoteParticipantTile } from './participant-tile';
import { PublishProblemNotice } from './publish-problem-notice';
import { useVideo } from './video-provider';

export function CallView({
  nameFor,
  waitingFor,
  allowScreenShare = false,
  leaveLabel = 'Leave call',
  extraControls,
}: {
  /** A display name for a participant's identity ("Maya", "Patient", "Guest"). */
  nameFor: (identity: string) => string;
  /** Shown while nobody else is in the room. */
  waitingFor: string;
  allowScreenShare?: boolean;
  leaveLabel?: string;
  extraControls?: ReactNode;
}) {
  const video = useVideo();
  const { room } = video;
  const state = useRoomState(room);
  const participants = useParticipants(room);
  const dominant = useDominantSpeaker(room);
  const microphoneOn = useIsTrackEnabled(video.audioTrack);
  const announcement = useArrivals(
    participants.map((p) => p.identity),
    nameFor,
  );
  const canShare =
    allowScreenShare && typeof navigator !== 'undefined' && Boolean(navigator.mediaDevices?.getDisplayMedia);

  return (
    <div className="flex flex-col gap-3">
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      {state === 'reconnecting' ? (
        <p
          role="alert"
          className="rounded-md border border-amber-400 bg-amber-100 px-3 py-2 font-medium text-amber-950"
        >
          <span aria-hidden="true">↻ </span>Your connection dropped. Reconnecting… Stay on this page.
        </p>
      ) : null}
      <PublishProblemNotice />
      {video.audioBlocked ? (
        <div
          role="alert"
          className="flex flex-wrap items-center gap-3 rounded-md border border-sky-400 bg-sky-50 px-3 py-2 text-sky-950"
        >
          <p>Your browser is holding back the sound.</p>
          <Button onClick={video.tapToHear}>Tap to hear</Button>
        </div>
      ) : null}
      <div className={`grid gap-2 ${participants.length > 1 ? 'sm:grid-cols-2' : 'md:grid-cols-[2fr_1fr]'}`}>
        {participants.length === 0 ? (
          <div className="flex aspect-video items-center justify-center rounded-lg bg-slate-800 p-4 text-center text-white">
            <p>{waitingFor}</p>
          </div>
        ) : (
          participants.map((p) => (
            <RemoteParticipantTile
              key={p.sid}
              participant={p}
              name={nameFor(p.identity)}
              speaking={participants.length > 0 && dominant?.sid === p.sid}
            />
          ))
        )}
        <LocalParticipantTile
          participant={room?.localParticipant ?? null}
          videoTrack={video.videoTrack}
          microphoneOn={microphoneOn}
        />
      </div>
      <div role="toolbar" aria-label="Call controls" className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" aria-pressed={!microphoneOn} onClick={video.toggleMicrophone}>
          {microphoneOn ? 'Mute' : 'Unmute'}
        </Button>
        <Button
          variant="secondary"
          aria-pressed={!video.videoTrack}
          onClick={() => void video.toggleCamera()}
        >
          {video.videoTrack ? 'Turn camera off' : 'Turn camera on'}
        </Button>
        {canShare ? (
          <Button
            variant="secondary"
            aria-pressed={Boolean(video.screenTrack)}
            onClick={() => void video.toggleScreenShare()}
          >
            {video.screenTrack ? 'Stop sharing screen' : 'Share screen'}
          </Button>
        ) : null}
        {extraControls}
        <Button variant="danger" onClick={() => video.disconnect('left')}>
          {leaveLabel}
        </Button>
      </div>
      {!microphoneOn ? (
        <p role="status" className="text-sm text-slate-700">
          You are muted: nobody can hear you.
        </p>
      ) : null}
      <details className="rounded-md border border-slate-300 bg-white p-3">
        <summary className="cursor-pointer font-medium">Camera, microphone and background settings</summary>
        <div className="mt-3 flex flex-col gap-3">
          {video.videoTrack ? <BlurChoice /> : null}
          <MicLevelMeter track={video.audioTrack} />
          <DeviceSettings idPrefix="call" />
        </div>
      </details>
    </div>
  );
}

/** "Maya joined" / "Maya left", for the live region. */
function useArrivals(identities: string[], nameFor: (identity: string) => string): string {
  const previous = useRef<string[]>([]);
  const [message, setMessage] = useState('');
  const key = identities.join('|');
  useEffect(() => {
    const now = key ? key.split('|') : [];
    const joined = now.filter((i) => !previous.current.includes(i));
    const left = previous.current.filter((i) => !now.includes(i));
    previous.current = now;
    const parts = [
      ...joined.map((i) => `${nameFor(i)} joined the call.`),
      ...left.map((i) => `${nameFor(i)} left the call.`),
    ];
    if (parts.length) setMessage(parts.join(' '));
  }, [key, nameFor]);
  return message;
}
