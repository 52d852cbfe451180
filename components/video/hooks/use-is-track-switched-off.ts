// Whether the media server has paused a remote video (bandwidth or not visible).
import type { RemoteVideoTrack } from 'twilio-video';

import { listen, useSdkEvents, type Emitter } from './use-sdk-events';

export const TRACK_SWITCH_EVENTS = ['switchedOff', 'switchedOn'] as const;

export const subscribeTrackSwitch = (track: Emitter, onChange: () => void) =>
  listen(track, TRACK_SWITCH_EVENTS, onChange);

export function useIsTrackSwitchedOff(track: RemoteVideoTrack | null | undefined): boolean {
  useSdkEvents(track, subscribeTrackSwitch);
  return track?.isSwitchedOff ?? false;
}
