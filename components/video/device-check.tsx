'use client';

// "Check your camera and sound": preview (blurred background by default where
// the device can blur), microphone meter, test sound, device choice, sound
// only, and the connection test. Every change runs from a tap.
import type { ReactNode } from 'react';

import { Button } from '@/components/ui/button';

import { useVideoAudience } from './audience';
import { ConnectionTest } from './connection-test';
import { DeviceSettings } from './device-settings';
import { ProblemPanel } from './media-problem';
import { MicLevelMeter } from './mic-level-meter';
import { SpeakerTest } from './speaker-test';
import { useVideo } from './video-provider';
import { VideoTrack } from './video-track';

export function DeviceCheck({
  getTestToken,
  headingLevel = 2,
}: {
  /** Absent: no connection test (the clinician's room). */
  getTestToken?: () => Promise<string | null>;
  headingLevel?: 2 | 3;
}) {
  const video = useVideo();
  const { reader } = useVideoAudience();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const started = Boolean(video.audioTrack);

  if (!started) {
    return (
      <div className="flex flex-col gap-3">
        <p>
          {reader === 'clinician'
            ? 'Your browser will ask to use the camera and microphone. Nothing is sent to anyone until you start the video session.'
            : 'We’ll ask your browser to use the camera and microphone. Nothing is sent to anyone until your clinician lets you in.'}
        </p>
        {video.mediaProblem ? (
          <ProblemPanel
            problem={video.mediaProblem}
            headingLevel={headingLevel}
            onRetry={() => void video.startMedia()}
            retryLabel={video.mediaStarting ? 'Trying…' : 'Try again'}
            onAudioOnly={
              // Sound only helps when the camera is the trouble, not when the browser blocks both.
              video.audioOnly || video.mediaProblem.showUnblockSteps
                ? undefined
                : () => {
                    void video.setAudioOnly(true).then(() => video.startMedia({ audioOnly: true }));
                  }
            }
          />
        ) : (
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => void video.startMedia()} disabled={video.mediaStarting}>
              {video.mediaStarting ? 'Starting camera and microphone…' : 'Turn on camera and microphone'}
            </Button>
            <Button
              variant="secondary"
              disabled={video.mediaStarting}
              onClick={() => void video.setAudioOnly(true).then(() => video.startMedia({ audioOnly: true }))}
            >
              Use sound only (no camera)
            </Button>
          </div>
        )}
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-5">
      {video.mediaProblem ? (
        <ProblemPanel
          problem={video.mediaProblem}
          headingLevel={headingLevel}
          onRetry={() => void video.startMedia()}
        />
      ) : null}
      <Section title="Camera" H={H}>
        <div className="relative aspect-video w-full max-w-md overflow-hidden rounded-lg bg-slate-800">
          {video.videoTrack ? (
            <VideoTrack track={video.videoTrack} label="Your camera preview" mirror />
          ) : (
            <p className="flex h-full items-center justify-center p-4 text-center text-white">
              Camera off: you will join with sound only.
            </p>
          )}
        </div>
        {video.videoTrack ? <BlurChoice /> : null}
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => void video.setAudioOnly(!video.audioOnly)}>
            {video.audioOnly ? 'Turn the camera back on' : 'Use sound only (camera off)'}
          </Button>
        </div>
      </Section>
      <Section title="Microphone and sound" H={H}>
        <MicLevelMeter track={video.audioTrack} />
        <SpeakerTest speakerId={video.speakerId} />
      </Section>
      <Section title="Devices" H={H}>
        <DeviceSettings idPrefix="check" />
      </Section>
      {getTestToken ? (
        <Section title="Connection" H={H}>
          <ConnectionTest getTestToken={getTestToken} />
        </Section>
      ) : null}
    </div>
  );
}

export function BlurChoice() {
  const video = useVideo();
  const { reader } = useVideoAudience();
  const { blur } = video;
  return (
    <div className="flex flex-col gap-1">
      <label className="flex min-h-11 items-center gap-3 text-base">
        <input
          type="checkbox"
          className="h-5 w-5"
          checked={blur.on}
          disabled={blur.busy}
          onChange={(e) => void video.setBlur(e.target.checked)}
        />
        Blur my background
      </label>
      <p className="text-sm text-slate-700" aria-live="polite">
        {blur.available === false
          ? 'This device can’t blur the background. Your camera will show what is behind you; you can turn it off and use sound only.'
          : blur.on
            ? blur.available
              ? `Your background is blurred: the ${reader === 'clinician' ? 'patient' : 'clinician'} sees you, not your room.`
              : 'Getting the blur ready…'
            : 'Your background is not blurred.'}
      </p>
    </div>
  );
}

function Section({ title, H, children }: { title: string; H: 'h2' | 'h3'; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-2">
      <H className="text-lg font-semibold">{title}</H>
      {children}
    </section>
  );
}
