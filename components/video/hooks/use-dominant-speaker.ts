// Who is talking now (Twilio's dominant speaker), or null for silence.
import type { RemoteParticipant, Room } from 'twilio-video';

import { listen, useSdkEvents, type Emitter } from './use-sdk-events';

export const DOMINANT_SPEAKER_EVENTS = ['dominantSpeakerChanged', 'participantDisconnected'] as const;

export const subscribeDominantSpeaker = (room: Emitter, onChange: () => void) =>
  listen(room, DOMINANT_SPEAKER_EVENTS, onChange);

export function useDominantSpeaker(room: Room | null): RemoteParticipant | null {
  useSdkEvents(room, subscribeDominantSpeaker);
  const speaker = room?.dominantSpeaker ?? null;
  // A speaker who has left is nobody.
  return speaker && room?.participants.has(speaker.sid) ? speaker : null;
}
