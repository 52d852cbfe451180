// The tracks a participant has published (camera, microphone, screen).
import type { Participant, TrackPublication } from 'twilio-video';

import { listen, useSdkEvents, type Emitter } from './use-sdk-events';

export const PUBLICATION_EVENTS = ['trackPublished', 'trackUnpublished'] as const;

export const subscribePublications = (participant: Emitter, onChange: () => void) =>
  listen(participant, PUBLICATION_EVENTS, onChange);

export function usePublications(participant: Participant | null): TrackPublication[] {
  useSdkEvents(participant, subscribePublications);
  return participant ? (Array.from(participant.tracks.values()) as TrackPublication[]) : [];
}
