'use client';

// Leave the room when the page goes away, so the other side sees it at once.
// pagehide is the one mobile Safari fires reliably; beforeunload covers the rest.
import { useEffect } from 'react';
import type { Room } from 'twilio-video';

export function useLeaveOnPageHide(room: Room | null, leave: () => void) {
  useEffect(() => {
    if (!room) return;
    window.addEventListener('pagehide', leave);
    window.addEventListener('beforeunload', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      window.removeEventListener('beforeunload', leave);
    };
  }, [room, leave]);
}
