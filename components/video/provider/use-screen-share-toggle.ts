'use client';

// Sharing the screen into the room, stopped by our button or the browser's own
// "Stop sharing". Cancelling the browser's picker is not a problem to report.
import { useCallback, useState } from 'react';
import type { LocalVideoTrack } from 'twilio-video';

import type { LiveCallRef } from './live-call';

export function useScreenShareToggle(liveRef: LiveCallRef) {
  const [screenTrack, setScreenTrackState] = useState<LocalVideoTrack | null>(null);
  const setScreenTrack = useCallback(
    (track: LocalVideoTrack | null) => {
      liveRef.current.screenTrack = track;
      setScreenTrackState(track);
    },
    [liveRef],
  );

  /** Stops sharing without touching the room (it has ended). */
  const stopScreenShare = useCallback(() => {
    liveRef.current.screenTrack?.stop();
    setScreenTrack(null);
  }, [liveRef, setScreenTrack]);

  const toggleScreenShare = useCallback(async () => {
    const room = liveRef.current.room;
    const sharing = liveRef.current.screenTrack;
    if (sharing) {
      room?.localParticipant.unpublishTrack(sharing);
      sharing.stop();
      setScreenTrack(null);
      return;
    }
    if (!room || !navigator.mediaDevices?.getDisplayMedia) return;
    try {
      const stream = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: 10 }, audio: false });
      const [mediaTrack] = stream.getVideoTracks();
      if (!mediaTrack) return;
      const publication = await room.localParticipant.publishTrack(mediaTrack, {
        name: 'screen',
        priority: 'high',
      });
      const track = publication.track as LocalVideoTrack;
      setScreenTrack(track);
      // The browser's own "Stop sharing" button.
      mediaTrack.addEventListener('ended', () => {
        room.localParticipant.unpublishTrack(track);
        setScreenTrack(null);
      });
    } catch {
      // The person cancelled the browser's picker: nothing to say.
    }
  }, [liveRef, setScreenTrack]);

  return { screenTrack, toggleScreenShare, stopScreenShare };
}
