'use client';

// One local track (the microphone or the camera) and the device chosen for it:
// the rendered copies in state, the live ones for clicks that run before the
// next render.
import { useCallback, useRef, useState } from 'react';

import type { LiveCall, LiveCallRef } from './live-call';

export function useTrackSlot<K extends 'audioTrack' | 'videoTrack'>(liveRef: LiveCallRef, key: K) {
  const [track, setTrackState] = useState<LiveCall[K]>(null);
  const [deviceId, setDeviceIdState] = useState<string | null>(null);
  const chosenId = useRef<string | null>(null);

  const setDeviceId = useCallback((id: string | null) => {
    chosenId.current = id;
    setDeviceIdState(id);
  }, []);

  const setTrack = useCallback(
    (next: LiveCall[K]) => {
      liveRef.current[key] = next;
      setTrackState(next);
      if (next) setDeviceId(next.mediaStreamTrack.getSettings().deviceId ?? null);
    },
    [key, liveRef, setDeviceId],
  );

  return { track, setTrack, deviceId, setDeviceId, chosenId };
}
