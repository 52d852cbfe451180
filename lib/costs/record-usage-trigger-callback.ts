import 'server-only';

// Twilio's usage trigger fired (the request is already signature-checked):
// raise the alert for its threshold, for the month it fired in, unless the
// portal's own estimate got there first.
import { z } from 'zod';

import { parseWith } from '@/lib/http/route';

import { monthKey } from './month-keys';
import { recordBillingAlert } from './record-billing-alert';

export const usageTriggerCallbackSchema = z.object({
  UsageTriggerSid: z.string().regex(/^UT[0-9a-fA-F]{32}$/, 'must be a Usage Trigger SID'),
  UsageCategory: z.string().min(1).max(100),
  TriggerValue: z
    .string()
    .regex(/^\d+(\.\d+)?$/)
    .transform(Number),
  CurrentValue: z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
  DateFired: z.string().max(64).optional(),
});

export async function recordUsageTriggerCallback(
  params: Record<string, string>,
  now = new Date(),
): Promise<{ raised: boolean; thresholdUsd: number }> {
  const p = parseWith(usageTriggerCallbackSchema, params);
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
