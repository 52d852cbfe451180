import { NextResponse } from 'next/server';

import { readFormParams, route } from '@/lib/http/route';
import { log } from '@/lib/log/logger';
import { recordRoomEvent } from '@/lib/video/record-room-event';
import { twilioCallbackSignatureValid } from '@/lib/video/verify-twilio-callback';

// POST /api/appointments/twilio-status-callback/ – Twilio Video room status
// callbacks (form-encoded, signed). Unsigned or tampered: 403, nothing stored.
// The trailing slash is part of the URL Twilio calls and signs; next.config.js
// sets skipTrailingSlashRedirect so it is served without a redirect.
export const POST = route('video.status_callback', async (request, { requestId }) => {
  const params = await readFormParams(request);
  if (!twilioCallbackSignatureValid(request, params)) {
    log.warn('video.callback_rejected', { requestId, reason: 'signature' });
    return NextResponse.json(
      { error: { code: 'FORBIDDEN', message: 'The request signature is missing or does not match.' } },
      { status: 403 },
    );
  }
  const result = await recordRoomEvent(params);
  log.info('video.callback', {
    requestId,
    event: params.StatusCallbackEvent,
    roomSid: params.RoomSid,
    duplicate: !result.stored,
  });
  return new NextResponse(null, { status: 204 });
});
