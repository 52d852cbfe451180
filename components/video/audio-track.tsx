'use client';

// Plays one REMOTE audio track. (The local microphone is never attached: it
// would echo.) If the browser refuses to start sound without a tap (iOS,
// autoplay rules), the provider is told and shows "Tap to hear".
import { useEffect, useRef } from 'react';
import type { RemoteAudioTrack } from 'twilio-video';

import { useVideoActions } from './video-provider';

export function AudioTrack({ track }: { track: RemoteAudioTrack }) {
  const ref = useRef<HTMLAudioElement>(null);
  const { registerAudioElement, reportAudioBlocked } = useVideoActions();
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const unregister = registerAudioElement(element);
    track.attach(element);
    element.play().catch((err: unknown) => {
      if (err instanceof DOMException && err.name === 'NotAllowedError') reportAudioBlocked();
    });
    return () => {
      track.detach(element);
      element.srcObject = null;
      unregister();
    };
  }, [track, registerAudioElement, reportAudioBlocked]);
  return <audio ref={ref} autoPlay className="hidden" />;
}
