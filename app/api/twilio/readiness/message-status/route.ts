import { NextResponse } from 'next/server';

import { log } from '@/lib/log/logger';
import { recordTestMessageStatus } from '@/lib/readiness/tests/record-test-message-status';
import { testCallbackRef } from '@/lib/readiness/tests/test-status-callback';
import { readinessMessageStatusWebhookSchema } from '@/lib/schemas/twilio-webhooks';
import { twilioWebhook } from '@/lib/twilio/webhook';

// POST /api/twilio/readiness/message-status – delivery status of the readiness
// page's test messages (form-encoded, signed). Unsigned or tampered: 403.
export const POST = twilioWebhook(
  'readiness.message_status',
  { schema: readinessMessageStatusWebhookSchema, rejectedEvent: 'readiness.callback_rejected' },
  async (callback, { request, requestId }) => {
    const { known } = await recordTestMessageStatus(callback, testCallbackRef(new URL(request.url)));
    log.info('readiness.message_status', { requestId, status: callback.MessageStatus, known });
    return new NextResponse(null, { status: 204 });
  },
);
