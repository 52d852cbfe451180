import { NextResponse } from 'next/server';

import { log } from '@/lib/log/logger';
import { roomStatusWebhookSchema } from '@/lib/schemas/twilio-webhooks';
import { twilioWebhook } from '@/lib/twilio/webhook';
import { recordRoomEvent } from '@/lib/video/events/record-room-event';

// POST /api/appointments/twilio-status-callback/ – Twilio Video room status
// callbacks (form-encoded, signed). Unsigned or tampered: 403, nothing stored.
// The trailing slash is part of the URL Twilio calls and signs; next.config.js
// sets skipTrailingSlashRedirect so it is served without a redirect.
export const POST = twilioWebhook(
  'video.status_callback',
  { schema: roomStatusWebhookSchema, rejectedEvent: 'video.callback_rejected', trailingSlash: true },
  async (event, { requestId }) => {
    const result = await recordRoomEvent(event);
    log.info('video.callback', {
      requestId,
      event: event.StatusCallbackEvent,
      roomSid: event.RoomSid,
      duplicate: !result.stored,
    });
    return new NextResponse(null, { status: 204 });
  },
);
