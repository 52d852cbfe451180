// How the portal's video rooms are set up. Read from env at call time so tests
// and deployments can change the region and callback address.
import 'server-only';

import { randomBytes } from 'node:crypto';

import { env } from '@/lib/env';
import type { GroupRoomSettings } from '@/lib/twilio/video-rooms';

/** Clinician, patient, and up to two guests (an interpreter, a support person). */
export const ROOM_MAX_PARTICIPANTS = 4;
/** A patient whose connection drops has 10 minutes to come back to the same room. */
export const ROOM_EMPTY_TIMEOUT_MINUTES = 10;
/** A room nobody joins ends after 15 minutes; the next request makes a new one. */
export const ROOM_UNUSED_TIMEOUT_MINUTES = 15;

/** Random, so nothing about the appointment or the people can be read from it. */
export function newRoomUniqueName(): string {
  return `tp-${randomBytes(16).toString('hex')}`;
}

export function roomSettings(uniqueName: string): GroupRoomSettings {
  const e = env();
  return {
    uniqueName,
    mediaRegion: e.TWILIO_VIDEO_MEDIA_REGION,
    statusCallback: e.TWILIO_STATUS_CALLBACK_URL,
    maxParticipants: ROOM_MAX_PARTICIPANTS,
    emptyRoomTimeout: ROOM_EMPTY_TIMEOUT_MINUTES,
    unusedRoomTimeout: ROOM_UNUSED_TIMEOUT_MINUTES,
  };
}
