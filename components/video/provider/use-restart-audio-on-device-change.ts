'use client';

// If the microphone in use is unplugged (a headset, a Bluetooth device that
// walks away), the browser ends its track and the others stop hearing the
// person without any sign. On every 'devicechange' this checks the microphone
// is still there and live; if not, the same track restarts on the default
// microphone, so it stays published. (useRestartAudioTrackOnDeviceChange)
import { useEffect } from 'react';
import type { LocalAudioTrack } from 'twilio-video';

import { microphoneOptions } from '../video-settings';

type Options = {
  audioTrack: LocalAudioTrack | null;
  /** The microphone the track now uses. */
  onRestarted: (deviceId: string | null) => void;
  onError: (error: unknown) => void;
};

export function useRestartAudioOnDeviceChange({ audioTrack, onRestarted, onError }: Options) {
  useEffect(() => {
    const devices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
    if (!audioTrack || !devices?.addEventListener) return;
    let active = true;
    const onDeviceChange = async () => {
      if (audioTrack.isStopped) return;
      const current = audioTrack.mediaStreamTrack.getSettings().deviceId;
      const inputs = (await devices.enumerateDevices()).filter((d) => d.kind === 'audioinput');
      const gone = Boolean(current) && !inputs.some((d) => d.deviceId === current);
      if (!active || !(gone || audioTrack.mediaStreamTrack.readyState === 'ended')) return;
      try {
        await audioTrack.restart(microphoneOptions());
        if (active) onRestarted(audioTrack.mediaStreamTrack.getSettings().deviceId ?? null);
      } catch (err) {
        if (active) onError(err);
      }
    };
    const listener = () => void onDeviceChange();
    devices.addEventListener('devicechange', listener);
    return () => {
      active = false;
      devices.removeEventListener('devicechange', listener);
    };
  }, [audioTrack, onRestarted, onError]);
}
