'use client';

// When the room ends, for whatever reason (left, ended for everyone, dropped,
// replaced by another tab), hands the error (if any) to the provider, which
// stops the devices and says what happened. (useHandleRoomDisconnection)
import { useEffect } from 'react';
import type { Room, TwilioError } from 'twilio-video';

export function useHandleRoomDisconnection(room: Room | null, onEnded: (error?: TwilioError) => void) {
  useEffect(() => {
    if (!room) return;
    const onDisconnected = (_room: Room, error?: TwilioError) => onEnded(error);
    room.on('disconnected', onDisconnected);
    return () => {
      room.off('disconnected', onDisconnected);
    };
  }, [room, onEnded]);
}
