import { NextResponse } from 'next/server';

import { recordUsageTriggerCallback } from '@/lib/costs/record-usage-trigger-callback';
import { log } from '@/lib/log/logger';
import { usageTriggerWebhookSchema } from '@/lib/schemas/twilio-webhooks';
import { twilioWebhook } from '@/lib/twilio/webhook';

// POST /api/twilio/usage-triggers – Twilio's usage trigger fired: the month's
// spend reached a billing-alert threshold. Form-encoded and signed; unsigned
// or tampered requests get 403 and change nothing; out-of-range amounts 400.
export const POST = twilioWebhook(
  'costs.usage_trigger',
  { schema: usageTriggerWebhookSchema, rejectedEvent: 'costs.usage_trigger_rejected' },
  async (trigger, { requestId }) => {
    const result = await recordUsageTriggerCallback(trigger);
    log.info('costs.usage_trigger', { requestId, thresholdUsd: result.thresholdUsd, raised: result.raised });
    return new NextResponse(null, { status: 204 });
  },
);
