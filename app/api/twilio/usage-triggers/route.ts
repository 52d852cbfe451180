import { NextResponse } from 'next/server';

import { recordUsageTriggerCallback } from '@/lib/costs/record-usage-trigger-callback';
import { readFormParams, route } from '@/lib/http/route';
import { log } from '@/lib/log/logger';
import { twilioWebhookSignatureValid } from '@/lib/twilio/verify-webhook-request';

// POST /api/twilio/usage-triggers – Twilio's usage trigger fired: the month's
// spend reached a billing-alert threshold. Form-encoded and signed; unsigned
// or tampered requests get 403 and change nothing.
export const POST = route('costs.usage_trigger', async (request, { requestId }) => {
  const params = await readFormParams(request);
  if (!twilioWebhookSignatureValid(request, params)) {
    log.warn('costs.usage_trigger_rejected', { requestId, reason: 'signature' });
    return NextResponse.json(
      { error: { code: 'FORBIDDEN', message: 'The request signature is missing or does not match.' } },
      { status: 403 },
    );
  }
  const result = await recordUsageTriggerCallback(params);
  log.info('costs.usage_trigger', { requestId, thresholdUsd: result.thresholdUsd, raised: result.raised });
  return new NextResponse(null, { status: 204 });
});
