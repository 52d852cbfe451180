import { NextResponse } from 'next/server';

import { log } from '@/lib/log/logger';
import { handleInboundReply } from '@/lib/reminders/replies/handle-inbound-reply';
import { inboundMessageWebhookSchema } from '@/lib/schemas/twilio-webhooks';
import { messagingTwiml } from '@/lib/twilio/messaging-twiml';
import { twilioWebhook } from '@/lib/twilio/webhook';

// POST /api/twilio/messages/inbound – a patient's reply (form-encoded, signed
// by Twilio): confirm, reschedule request, opt-out/in, help, or free text for
// staff. Unsigned or tampered: 403 and nothing is written. Answers in TwiML.
export const POST = twilioWebhook(
  'twilio.message_inbound',
  { schema: inboundMessageWebhookSchema, rejectedEvent: 'twilio.webhook_rejected' },
  async (message, { requestId }) => {
    const result = await handleInboundReply(message);
    // The intent only: never the number or the text.
    log.info('twilio.message_inbound', {
      requestId,
      sid: message.MessageSid,
      intent: result.intent,
      duplicate: result.duplicate,
    });
    return new NextResponse(messagingTwiml(result.reply), {
      status: 200,
      headers: { 'Content-Type': 'text/xml' },
    });
  },
);
