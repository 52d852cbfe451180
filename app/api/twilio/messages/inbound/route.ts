import { NextResponse } from 'next/server';

import { readFormParams, route } from '@/lib/http/route';
import { log } from '@/lib/log/logger';
import { handleInboundReply } from '@/lib/messaging/handle-inbound-reply';
import { twilioWebhookSignatureValid } from '@/lib/messaging/verify-twilio-webhook';
import { messagingTwiml } from '@/lib/twilio/messaging-twiml';

// POST /api/twilio/messages/inbound – a patient's reply (form-encoded, signed
// by Twilio): confirm, reschedule request, opt-out/in, help, or free text for
// staff. Unsigned or tampered: 403 and nothing is written. Answers in TwiML.
export const POST = route('twilio.message_inbound', async (request, { requestId }) => {
  const params = await readFormParams(request);
  if (!twilioWebhookSignatureValid(request, params)) {
    log.warn('twilio.webhook_rejected', { requestId, route: 'message_inbound', reason: 'signature' });
    return NextResponse.json(
      { error: { code: 'FORBIDDEN', message: 'The request signature is missing or does not match.' } },
      { status: 403 },
    );
  }
  const result = await handleInboundReply(params);
  // The intent only: never the number or the text.
  log.info('twilio.message_inbound', {
    requestId,
    sid: params.MessageSid,
    intent: result.intent,
    duplicate: result.duplicate,
  });
  return new NextResponse(messagingTwiml(result.reply), {
    status: 200,
    headers: { 'Content-Type': 'text/xml' },
  });
});
