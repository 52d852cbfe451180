// Whether another participant's connection is dropping out (they are reconnecting).
import type { RemoteParticipant } from 'twilio-video';

import { listen, useSdkEvents, type Emitter } from './use-sdk-events';

export const PARTICIPANT_RECONNECT_EVENTS = ['reconnecting', 'reconnected'] as const;

export const subscribeParticipantReconnecting = (participant: Emitter, onChange: () => void) =>
  listen(participant, PARTICIPANT_RECONNECT_EVENTS, onChange);

export function useParticipantIsReconnecting(participant: RemoteParticipant | null): boolean {
  useSdkEvents(participant, subscribeParticipantReconnecting);
  return participant?.state === 'reconnecting';
}
