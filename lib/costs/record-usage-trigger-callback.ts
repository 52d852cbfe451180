import 'server-only';

// Twilio's usage trigger fired (signature-checked and parsed at the edge):
// raise the alert for its threshold, for the month it fired in, unless the
// portal's own estimate got there first.
import type { UsageTriggerWebhook } from '@/lib/schemas/twilio-webhooks';

import { monthKey } from './month-keys';
import { recordBillingAlert } from './record-billing-alert';

export async function recordUsageTriggerCallback(
  p: UsageTriggerWebhook,
  now = new Date(),
): Promise<{ raised: boolean; thresholdUsd: number }> {
  const fired = p.DateFired ? new Date(p.DateFired) : now;
  const month = monthKey(Number.isNaN(fired.getTime()) ? now : fired);
  const thresholdUsd = Math.floor(p.TriggerValue);
  const { raised } = await recordBillingAlert({
    month,
    thresholdUsd,
    source: 'TWILIO_TRIGGER',
    amountUsd: p.CurrentValue,
  });
  return { raised, thresholdUsd };
}
