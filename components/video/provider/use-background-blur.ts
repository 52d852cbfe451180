'use client';

// The background blur on the local camera: on by default, loaded on first use,
// and put on the track before a single frame is sent.
import type { GaussianBlurBackgroundProcessor } from '@twilio/video-processors';
import { useCallback, useRef, useState } from 'react';
import type { LocalVideoTrack } from 'twilio-video';

import { blurAddOptions, loadBlurProcessor } from '../background-blur';
import type { LiveCallRef } from './live-call';

export type BlurState = { available: boolean | null; on: boolean; busy: boolean };

export function useBackgroundBlur(liveRef: LiveCallRef) {
  const [blur, setBlurState] = useState<BlurState>({ available: null, on: true, busy: false });
  const processorRef = useRef<GaussianBlurBackgroundProcessor | null>(null);
  /** The person's choice, read when a camera track is made. */
  const blurOn = useRef(true);

  const loadProcessor = useCallback(async () => {
    const processor = processorRef.current ?? (processorRef.current = await loadBlurProcessor());
    setBlurState((b) => ({ ...b, available: processor !== null }));
    return processor;
  }, []);

  const applyBlur = useCallback(
    async (track: LocalVideoTrack, on: boolean): Promise<void> => {
      if (!on) {
        if (track.processor) track.removeProcessor(track.processor);
        return;
      }
      const processor = await loadProcessor();
      if (!processor || track.isStopped) return;
      if (track.processor && track.processor !== processor) track.removeProcessor(track.processor);
      if (!track.processor) track.addProcessor(processor, blurAddOptions());
    },
    [loadProcessor],
  );

  const setBlur = useCallback(
    async (on: boolean) => {
      blurOn.current = on;
      setBlurState((b) => ({ ...b, on, busy: true }));
      try {
        const track = liveRef.current.videoTrack;
        if (track) await applyBlur(track, on);
        else if (on) await loadProcessor();
      } finally {
        setBlurState((b) => ({ ...b, busy: false }));
      }
    },
    [applyBlur, liveRef, loadProcessor],
  );

  return { blur, blurOn, applyBlur, setBlur };
}
