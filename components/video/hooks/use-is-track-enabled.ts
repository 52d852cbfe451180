// Whether a track is on: a muted microphone or a camera turned off is "disabled".
import type { AudioTrack, VideoTrack } from 'twilio-video';

import { listen, useSdkEvents, type Emitter } from './use-sdk-events';

export const TRACK_ENABLED_EVENTS = ['enabled', 'disabled'] as const;

export const subscribeTrackEnabled = (track: Emitter, onChange: () => void) =>
  listen(track, TRACK_ENABLED_EVENTS, onChange);

export function useIsTrackEnabled(track: AudioTrack | VideoTrack | null | undefined): boolean {
  useSdkEvents(track, subscribeTrackEnabled);
  return track?.isEnabled ?? false;
}
