// The cameras, microphones and speakers the browser will name (only after
// permission is given), kept up to date when a headset is plugged in.
import { useEffect, useState } from 'react';

export type Devices = {
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
  speakers: MediaDeviceInfo[];
};

const none: Devices = { cameras: [], microphones: [], speakers: [] };

export function useDevices(refreshKey: unknown): Devices {
  const [devices, setDevices] = useState<Devices>(none);
  useEffect(() => {
    const media = navigator.mediaDevices;
    if (!media?.enumerateDevices) return;
    let active = true;
    const read = () =>
      media.enumerateDevices().then((list) => {
        if (!active) return;
        const named = list.filter((d) => d.deviceId);
        setDevices({
          cameras: named.filter((d) => d.kind === 'videoinput'),
          microphones: named.filter((d) => d.kind === 'audioinput'),
          speakers: named.filter((d) => d.kind === 'audiooutput'),
        });
      });
    void read();
    media.addEventListener('devicechange', read);
    return () => {
      active = false;
      media.removeEventListener('devicechange', read);
    };
  }, [refreshKey]);
  return devices;
}

/** Chrome, Edge and Firefox can send sound to a chosen speaker; Safari (Mac and iOS) cannot. */
export function canChooseSpeaker(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
}
