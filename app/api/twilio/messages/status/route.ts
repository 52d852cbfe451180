import { NextResponse } from 'next/server';

import { log } from '@/lib/log/logger';
import { recordMessageStatus } from '@/lib/reminders/status/record-message-status';
import { messageStatusWebhookSchema } from '@/lib/schemas/twilio-webhooks';
import { twilioWebhook } from '@/lib/twilio/webhook';

// POST /api/twilio/messages/status – Twilio's status callbacks for reminder
// messages (form-encoded, signed). Unsigned or tampered: 403 and nothing is
// written; fields Twilio would never send: 400. Each status is stored once; a
// message never moves backwards.
export const POST = twilioWebhook(
  'twilio.message_status',
  { schema: messageStatusWebhookSchema, rejectedEvent: 'twilio.webhook_rejected' },
  async (callback, { request, requestId }) => {
    const claimId = new URL(request.url).searchParams.get('claim');
    const result = await recordMessageStatus(callback, claimId);
    log.debug('twilio.message_status', {
      requestId,
      sid: callback.MessageSid,
      status: callback.MessageStatus,
      result,
    });
    return new NextResponse(null, { status: 204 });
  },
);
