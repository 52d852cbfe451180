// The room's connection state: connected, reconnecting (the signalling or media
// connection dropped and the SDK is trying again) or disconnected.
import type { Room } from 'twilio-video';

import { listen, useSdkEvents, type Emitter } from './use-sdk-events';

export type RoomState = 'disconnected' | 'connected' | 'reconnecting';

export const ROOM_STATE_EVENTS = ['disconnected', 'reconnected', 'reconnecting'] as const;

export const subscribeRoomState = (room: Emitter, onChange: () => void) =>
  listen(room, ROOM_STATE_EVENTS, onChange);

export function useRoomState(room: Room | null): RoomState {
  useSdkEvents(room, subscribeRoomState);
  return (room?.state as RoomState | undefined) ?? 'disconnected';
}
