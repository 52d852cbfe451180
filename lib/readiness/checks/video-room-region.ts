import 'server-only';

// Patients' audio and video should stay in Australia: create a short test room
// the way the portal creates its rooms, read MediaRegion from Twilio's answer,
// then end it. Nobody joins, so it costs nothing, but it is a real room at
// Twilio: it runs only when an admin asks (run-check-on-request.ts).
import { randomBytes } from 'node:crypto';

import { completeRoom, createGroupRoom } from '@/lib/twilio/video-rooms';

import { defineCheck } from '../define-check';
import { couldNotCheck } from '../describe-failure';
import { fail, pass, warn } from '../types';

export const EXPECTED_MEDIA_REGION = 'au1';

export const videoRoomRegionCheck = defineCheck({
  id: 'video-room-region',
  title: 'Test video room created in Australia (au1)',
  group: 'video',
  createsAtTwilio: 'a short test video room, ended at once (nobody joins it, so it costs nothing)',
  async run(ctx) {
    let roomSid: string | null = null;
    try {
      const { room } = await createGroupRoom(
        {
          uniqueName: `readiness-${randomBytes(8).toString('hex')}`,
          mediaRegion: ctx.env.TWILIO_VIDEO_MEDIA_REGION,
          statusCallback: undefined,
          maxParticipants: 2,
          emptyRoomTimeout: 1,
          unusedRoomTimeout: 1,
        },
        ctx.twilio(),
      );
      roomSid = room.sid;
      const region = room.mediaRegion ?? 'none';
      let ended = true;
      try {
        await completeRoom(room.sid, ctx.twilio());
      } catch {
        ended = false;
      }
      const details = [`Test room ${room.sid}${ended ? ', completed' : ''}.`];
      if (region !== EXPECTED_MEDIA_REGION) {
        return fail(
          `The test room’s media region is ${region}, so video would be routed outside Australia.`,
          'Set TWILIO_VIDEO_MEDIA_REGION=au1 and restart the portal.',
          details,
        );
      }
      if (!ended) {
        return warn(
          'A test room was created in au1 but could not be ended; Twilio ends it by itself within a minute.',
          'Nothing to do unless this keeps happening; then check the Twilio Console’s error logs.',
          details,
        );
      }
      return pass('A test room was created with media region au1 (Australia) and completed.', details);
    } catch (err) {
      return couldNotCheck(`the video room region${roomSid ? ` (room ${roomSid})` : ''}`, err);
    }
  },
});
