'use client';

// One person in the call: their camera (or their name when it is off), their
// sound (remote people only), microphone and connection state in words, and a
// visible "Speaking" mark for the dominant speaker (a thick ring AND a label,
// not colour alone).
import type {
  LocalVideoTrack,
  Participant,
  RemoteAudioTrack,
  RemoteParticipant,
  RemoteVideoTrack,
  TrackPublication,
} from 'twilio-video';

import { AudioTrack } from './audio-track';
import { useIsTrackEnabled } from './hooks/use-is-track-enabled';
import { useIsTrackSwitchedOff } from './hooks/use-is-track-switched-off';
import { useParticipantIsReconnecting } from './hooks/use-participant-reconnecting';
import { usePublications } from './hooks/use-publications';
import { useTrack } from './hooks/use-track';
import { NetworkQualityBars } from './network-quality-bars';
import { VideoTrack } from './video-track';

export function RemoteParticipantTile({
  participant,
  name,
  speaking,
}: {
  participant: RemoteParticipant;
  name: string;
  speaking: boolean;
}) {
  const publications = usePublications(participant);
  const camera = publications.find((p) => p.kind === 'video' && p.trackName !== 'screen');
  const screen = publications.find((p) => p.kind === 'video' && p.trackName === 'screen');
  const microphone = publications.find((p) => p.kind === 'audio');
  const reconnecting = useParticipantIsReconnecting(participant);
  return (
    <>
      {screen ? (
        <Tile name={`${name}’s screen`} speaking={false} participant={null}>
          <RemoteVideo publication={screen} label={`${name}’s shared screen`} fit="contain" />
        </Tile>
      ) : null}
      <Tile name={name} speaking={speaking} participant={participant} reconnecting={reconnecting}>
        {camera ? (
          <RemoteVideo publication={camera} label={`${name}’s camera`} name={name} />
        ) : (
          <NoCamera name={name} />
        )}
        {microphone ? (
          <RemoteAudio publication={microphone} name={name} />
        ) : (
          <MicState on={false} name={name} />
        )}
      </Tile>
    </>
  );
}

function RemoteVideo({
  publication,
  label,
  name,
  fit,
}: {
  publication: TrackPublication;
  label: string;
  name?: string;
  fit?: 'cover' | 'contain';
}) {
  const track = useTrack(publication) as RemoteVideoTrack | null;
  const enabled = useIsTrackEnabled(track);
  const switchedOff = useIsTrackSwitchedOff(track);
  if (!track || !enabled) return <NoCamera name={name ?? label} />;
  return (
    <>
      <VideoTrack track={track} label={label} fit={fit} />
      {switchedOff ? (
        <p className="absolute inset-x-0 top-1/2 text-center text-sm text-white">
          Video paused to save your connection
        </p>
      ) : null}
    </>
  );
}

function RemoteAudio({ publication, name }: { publication: TrackPublication; name: string }) {
  const track = useTrack(publication) as RemoteAudioTrack | null;
  const enabled = useIsTrackEnabled(track);
  return (
    <>
      {track ? <AudioTrack track={track} /> : null}
      <MicState on={Boolean(track) && enabled} name={name} />
    </>
  );
}

export function LocalParticipantTile({
  participant,
  videoTrack,
  microphoneOn,
  speaking = false,
}: {
  participant: Participant | null;
  videoTrack: LocalVideoTrack | null;
  microphoneOn: boolean;
  speaking?: boolean;
}) {
  return (
    <Tile name="You" speaking={speaking} participant={participant}>
      {videoTrack ? <VideoTrack track={videoTrack} label="Your camera" mirror /> : <NoCamera name="You" />}
      <MicState on={microphoneOn} name="You" />
    </Tile>
  );
}

function Tile({
  name,
  speaking,
  participant,
  reconnecting = false,
  children,
}: {
  name: string;
  speaking: boolean;
  participant: Participant | null;
  reconnecting?: boolean;
  children: React.ReactNode;
}) {
  return (
    <figure
      className={`relative aspect-video overflow-hidden rounded-lg bg-slate-800 ${speaking ? 'ring-4 ring-amber-400' : 'ring-1 ring-slate-700'}`}
    >
      {children}
      <figcaption className="absolute bottom-1 left-1 flex flex-wrap items-center gap-1">
        <span className="rounded bg-slate-900/80 px-1.5 py-0.5 text-sm font-medium text-white">{name}</span>
        {speaking ? (
          <span className="rounded bg-amber-300 px-1.5 py-0.5 text-xs font-semibold text-slate-950">
            Speaking
          </span>
        ) : null}
        {participant ? <NetworkQualityBars participant={participant} who={name} /> : null}
      </figcaption>
      {reconnecting ? (
        <p className="absolute inset-x-0 top-2 mx-auto w-fit rounded bg-amber-200 px-2 py-1 text-sm text-slate-950">
          {name}’s connection dropped; reconnecting…
        </p>
      ) : null}
    </figure>
  );
}

function NoCamera({ name }: { name: string }) {
  return (
    <div className="flex h-full w-full items-center justify-center bg-slate-800 p-4 text-center text-white">
      <p>
        <span className="block text-lg font-semibold">{name}</span>
        <span className="text-sm">Camera off</span>
      </p>
    </div>
  );
}

function MicState({ on, name }: { on: boolean; name: string }) {
  if (on) return null;
  return (
    <span className="absolute right-1 top-1 rounded bg-slate-900/80 px-1.5 py-0.5 text-xs text-white">
      {name === 'You' ? 'Your microphone is off' : `${name}’s microphone is off`}
    </span>
  );
}
