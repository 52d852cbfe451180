// The other people in the room, in the order they arrived.
import type { RemoteParticipant, Room } from 'twilio-video';

import { listen, useSdkEvents, type Emitter } from './use-sdk-events';

export const PARTICIPANT_EVENTS = ['participantConnected', 'participantDisconnected'] as const;

export const subscribeParticipants = (room: Emitter, onChange: () => void) =>
  listen(room, PARTICIPANT_EVENTS, onChange);

export function useParticipants(room: Room | null): RemoteParticipant[] {
  useSdkEvents(room, subscribeParticipants);
  return room ? Array.from(room.participants.values()) : [];
}
