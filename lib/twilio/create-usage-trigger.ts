import 'server-only';

// Creates a Usage Trigger that calls our webhook once a month when the month's
// total spend (totalprice, by price) reaches the threshold.
import { twilioClient, type TwilioClient } from './client';
import { toTwilioError } from './errors';
import { toTrigger, type MonthlySpendTrigger, type UsageTrigger } from './usage-trigger';

export async function createMonthlySpendTrigger(
  trigger: MonthlySpendTrigger,
  client: TwilioClient = twilioClient(),
): Promise<UsageTrigger> {
  try {
    const created = await client.usage.triggers.create({
      friendlyName: trigger.friendlyName,
      usageCategory: 'totalprice',
      triggerBy: 'price',
      recurring: 'monthly',
      triggerValue: String(trigger.thresholdUsd),
      callbackUrl: trigger.callbackUrl,
      callbackMethod: 'POST',
    });
    return toTrigger(created);
  } catch (err) {
    throw toTwilioError(err);
  }
}
