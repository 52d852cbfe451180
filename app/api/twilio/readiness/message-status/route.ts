import { NextResponse } from 'next/server';

import { readFormParams, route } from '@/lib/http/route';
import { log } from '@/lib/log/logger';
import { recordTestMessageStatus } from '@/lib/readiness/tests/record-test-message-status';
import { twilioWebhookSignatureValid } from '@/lib/twilio/verify-webhook-request';

// POST /api/twilio/readiness/message-status – delivery status of the readiness
// page's test messages (form-encoded, signed). Unsigned or tampered: 403.
export const POST = route('readiness.message_status', async (request, { requestId }) => {
  const params = await readFormParams(request);
  if (!twilioWebhookSignatureValid(request, params)) {
    log.warn('readiness.callback_rejected', { requestId, reason: 'signature' });
    return NextResponse.json(
      { error: { code: 'FORBIDDEN', message: 'The request signature is missing or does not match.' } },
      { status: 403 },
    );
  }
  const { known } = await recordTestMessageStatus(params);
  log.info('readiness.message_status', { requestId, status: params.MessageStatus, known });
  return new NextResponse(null, { status: 204 });
});
