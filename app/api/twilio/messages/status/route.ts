import { NextResponse } from 'next/server';

import { readFormParams, route } from '@/lib/http/route';
import { log } from '@/lib/log/logger';
import { recordMessageStatus } from '@/lib/messaging/record-message-status';
import { twilioWebhookSignatureValid } from '@/lib/messaging/verify-twilio-webhook';

const forbidden = () =>
  NextResponse.json(
    { error: { code: 'FORBIDDEN', message: 'The request signature is missing or does not match.' } },
    { status: 403 },
  );

// POST /api/twilio/messages/status – Twilio's status callbacks for reminder
// messages (form-encoded, signed). Unsigned or tampered: 403 and nothing is
// written. Each status is stored once; a message never moves backwards.
export const POST = route('twilio.message_status', async (request, { requestId }) => {
  const params = await readFormParams(request);
  if (!twilioWebhookSignatureValid(request, params)) {
    log.warn('twilio.webhook_rejected', { requestId, route: 'message_status', reason: 'signature' });
    return forbidden();
  }
  const claimId = new URL(request.url).searchParams.get('claim');
  const result = await recordMessageStatus(params, claimId);
  log.debug('twilio.message_status', {
    requestId,
    sid: params.MessageSid,
    status: params.MessageStatus,
    result,
  });
  return new NextResponse(null, { status: 204 });
});
