'use client';

// Phones: no camera while the page is hidden (another app, a locked screen),
// back on when the person returns. (AttachVisibilityHandler)
import { useEffect, useRef } from 'react';
import type { Room } from 'twilio-video';

type Options = {
  room: Room | null;
  phone: boolean;
  hasCamera: () => boolean;
  cameraOff: () => void;
  cameraOn: () => Promise<unknown>;
};

export function useCameraOffWhileHidden({ room, phone, hasCamera, cameraOff, cameraOn }: Options) {
  const hiddenUnpublished = useRef(false);
  useEffect(() => {
    if (!room || !phone) return;
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        if (hasCamera()) {
          hiddenUnpublished.current = true;
          cameraOff();
        }
      } else if (hiddenUnpublished.current) {
        hiddenUnpublished.current = false;
        void cameraOn();
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [room, phone, hasCamera, cameraOff, cameraOn]);
}
