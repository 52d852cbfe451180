'use client';

// When the SDK cannot publish a local track (LocalParticipant
// 'trackPublicationFailed'), the person is told in plain words and the track
// is published again once at once; if that fails too, "Try again" does it on
// request. (useHandleTrackPublicationFailed, which only reported the error)
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LocalTrack, Room } from 'twilio-video';

import type { VideoProblem } from '../error-messages';
import { publishProblem, type PublishedKind } from '../publish-problem';

type Publishable = Extract<LocalTrack, { kind: PublishedKind }>;

export function useHandleTrackPublicationFailed(room: Room | null) {
  const [problem, setProblem] = useState<VideoProblem | null>(null);
  // Tracks that failed and are not yet published, and those already retried automatically.
  const failed = useRef(new Set<Publishable>());
  const retried = useRef(new WeakSet<Publishable>());
  // The room "Try again" publishes into (a ref, so the action stays the same function).
  const current = useRef<Room | null>(null);

  const show = useCallback((retrying: boolean) => {
    const kinds = new Set([...failed.current].map((t) => t.kind));
    setProblem(kinds.size ? publishProblem(kinds, retrying) : null);
  }, []);

  const publishAgain = useCallback(
    async (target: Room, tracks: Publishable[]) => {
      show(true);
      const results = await Promise.allSettled(
        tracks.map(async (track) => {
          await target.localParticipant.publishTrack(track);
          failed.current.delete(track);
        }),
      );
      // A track turned off meanwhile needs no publishing.
      for (const track of failed.current) if (track.isStopped) failed.current.delete(track);
      show(false);
      return results.every((r) => r.status === 'fulfilled');
    },
    [show],
  );

  useEffect(() => {
    current.current = room;
    if (!room) return;
    const failedTracks = failed.current;
    const onFailed = (_error: unknown, track: LocalTrack) => {
      if (track.kind === 'data') return;
      failedTracks.add(track);
      if (retried.current.has(track)) return show(false);
      retried.current.add(track);
      void publishAgain(room, [track]);
    };
    room.localParticipant.on('trackPublicationFailed', onFailed);
    return () => {
      room.localParticipant.off('trackPublicationFailed', onFailed);
      failedTracks.clear();
      setProblem(null);
    };
  }, [room, publishAgain, show]);

  /** The person's "Try again": publishes every track that failed. */
  const retryPublish = useCallback(async () => {
    const target = current.current;
    const tracks = [...failed.current].filter((t) => !t.isStopped);
    if (target && target.state !== 'disconnected') await publishAgain(target, tracks);
  }, [publishAgain]);

  return { publishProblem: problem, retryPublish };
}
