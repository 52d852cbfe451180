'use client';

// Shows one video track in a <video> element: attach on mount, detach on
// unmount (and when the track changes). Local cameras are mirrored, as a
// mirror is what people expect to see of themselves; screens never are.
import { useEffect, useRef } from 'react';
import type { LocalVideoTrack, RemoteVideoTrack } from 'twilio-video';

import { useMediaStreamTrack } from './hooks/use-media-stream-track';

export function VideoTrack({
  track,
  mirror = false,
  label,
  fit = 'cover',
}: {
  track: LocalVideoTrack | RemoteVideoTrack;
  mirror?: boolean;
  /** What the video shows, for screen readers ("Your camera", "Maya's camera"). */
  label: string;
  fit?: 'cover' | 'contain';
}) {
  const ref = useRef<HTMLVideoElement>(null);
  // A restarted track (new device) needs attaching again.
  const mediaStreamTrack = useMediaStreamTrack(track);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.muted = true;
    track.attach(element);
    return () => {
      track.detach(element);
      // Safari keeps showing the last frame unless the source is cleared.
      element.srcObject = null;
    };
  }, [track, mediaStreamTrack]);
  return (
    <video
      ref={ref}
      aria-label={label}
      playsInline
      autoPlay
      muted
      className={`h-full w-full bg-slate-900 ${fit === 'cover' ? 'object-cover' : 'object-contain'} ${mirror ? '-scale-x-100' : ''}`}
    />
  );
}
