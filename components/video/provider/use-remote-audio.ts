'use client';

// The other side's sound: which speaker plays it, and "Tap to hear" when the
// browser will not start sound without a tap (iOS, autoplay rules).
import { useCallback, useMemo, useRef, useState } from 'react';

type SinkElement = HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };

function playOn(element: SinkElement, speakerId: string | null) {
  if (speakerId) void element.setSinkId?.(speakerId).catch(() => {});
}

export function useRemoteAudio() {
  const [speakerId, setSpeakerId] = useState<string | null>(null);
  const [audioBlocked, setAudioBlocked] = useState(false);
  const elements = useRef(new Set<SinkElement>());
  const speaker = useRef<string | null>(null);

  const setSpeaker = useCallback((deviceId: string) => {
    speaker.current = deviceId;
    setSpeakerId(deviceId);
    for (const element of elements.current) playOn(element, deviceId);
  }, []);

  const registerAudioElement = useCallback((element: HTMLAudioElement) => {
    elements.current.add(element);
    playOn(element, speaker.current);
    return () => {
      elements.current.delete(element);
    };
  }, []);

  const reportAudioBlocked = useCallback(() => setAudioBlocked(true), []);
  const clearAudioBlocked = useCallback(() => setAudioBlocked(false), []);
  const tapToHear = useCallback(() => {
    setAudioBlocked(false);
    for (const element of elements.current) void element.play().catch(() => setAudioBlocked(true));
  }, []);

  const state = useMemo(() => ({ speakerId, audioBlocked }), [speakerId, audioBlocked]);
  const actions = useMemo(
    () => ({ setSpeaker, registerAudioElement, reportAudioBlocked, tapToHear }),
    [setSpeaker, registerAudioElement, reportAudioBlocked, tapToHear],
  );
  return { state, actions, clearAudioBlocked };
}
