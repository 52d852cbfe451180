// A participant's network quality, 0 (none) to 5 (excellent), or null before the first reading.
import type { Participant } from 'twilio-video';

import { listen, useSdkEvents, type Emitter } from './use-sdk-events';

export const NETWORK_QUALITY_EVENTS = ['networkQualityLevelChanged'] as const;

export const subscribeNetworkQuality = (participant: Emitter, onChange: () => void) =>
  listen(participant, NETWORK_QUALITY_EVENTS, onChange);

export function useNetworkQualityLevel(participant: Participant | null): number | null {
  useSdkEvents(participant, subscribeNetworkQuality);
  return participant?.networkQualityLevel ?? null;
}
