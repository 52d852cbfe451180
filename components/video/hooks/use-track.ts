// The track behind a publication once it is subscribed (remote) or at once (local).
import type { LocalTrack, RemoteTrack, TrackPublication } from 'twilio-video';

import { listen, useSdkEvents, type Emitter } from './use-sdk-events';

export const TRACK_EVENTS = ['subscribed', 'unsubscribed'] as const;

export const subscribeTrack = (publication: Emitter, onChange: () => void) =>
  listen(publication, TRACK_EVENTS, onChange);

export function useTrack(publication: TrackPublication | null | undefined): LocalTrack | RemoteTrack | null {
  useSdkEvents(publication, subscribeTrack);
  return (publication as { track?: LocalTrack | RemoteTrack | null } | null | undefined)?.track ?? null;
}
