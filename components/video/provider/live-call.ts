'use client';

// What the provider's hooks share without re-rendering: the latest room and
// local tracks, read by clicks and SDK event handlers that must see the current
// value rather than the one from the render they were created in. Each field
// is written by the one hook that owns it (its state is the rendered copy).
import { useRef, type RefObject } from 'react';
import type { LocalAudioTrack, LocalVideoTrack, Room } from 'twilio-video';

export type LiveCall = {
  room: Room | null;
  audioTrack: LocalAudioTrack | null;
  videoTrack: LocalVideoTrack | null;
  screenTrack: LocalVideoTrack | null;
  /** Set when the person (or the end of the session) leaves, so the end is not read as a failure. */
  leaving: null | 'left' | 'ended';
};

export type LiveCallRef = RefObject<LiveCall>;

export function useLiveCall(): LiveCallRef {
  return useRef<LiveCall>({
    room: null,
    audioTrack: null,
    videoTrack: null,
    screenTrack: null,
    leaving: null,
  });
}

/** The room while it is still connected (or reconnecting), else null. */
export function openRoom(liveRef: LiveCallRef): Room | null {
  const room = liveRef.current.room;
  return room && room.state !== 'disconnected' ? room : null;
}
