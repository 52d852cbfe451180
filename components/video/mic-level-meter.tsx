'use client';

// The microphone level as a <meter> (announced as a value by screen readers)
// with words for "we can hear you" so nothing depends on the bar alone.
import type { LocalAudioTrack } from 'twilio-video';

import { useAudioLevel } from './hooks/use-audio-level';
import { useMediaStreamTrack } from './hooks/use-media-stream-track';

export function MicLevelMeter({ track }: { track: LocalAudioTrack | null }) {
  const mediaStreamTrack = useMediaStreamTrack(track);
  const level = useAudioLevel(track?.isEnabled === false ? null : mediaStreamTrack);
  const heard = level > 0.08;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="mic-level" className="text-sm font-medium text-slate-800">
        Microphone level
      </label>
      <meter
        id="mic-level"
        min={0}
        max={1}
        low={0.08}
        value={level}
        className="h-4 w-full"
        aria-describedby="mic-level-words"
      />
      <p id="mic-level-words" className="text-sm text-slate-700">
        {!track
          ? 'Microphone not started.'
          : heard
            ? 'We can hear you.'
            : 'Say something: the bar should move.'}
      </p>
    </div>
  );
}
