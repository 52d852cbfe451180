// The MediaStreamTrack under a local track; it changes when the device is
// switched or the track restarts ("started" fires again).
import type { AudioTrack, VideoTrack } from 'twilio-video';

import { listen, useSdkEvents, type Emitter } from './use-sdk-events';

export const MEDIA_TRACK_EVENTS = ['started'] as const;

export const subscribeMediaStreamTrack = (track: Emitter, onChange: () => void) =>
  listen(track, MEDIA_TRACK_EVENTS, onChange);

export function useMediaStreamTrack(
  track: AudioTrack | VideoTrack | null | undefined,
): MediaStreamTrack | null {
  useSdkEvents(track, subscribeMediaStreamTrack);
  return track?.mediaStreamTrack ?? null;
}
