import 'server-only';

// Twilio Usage Triggers call the portal when the month's spend passes each
// threshold the admin set, even if the portal's own estimate is wrong.
import { listUsageTriggers } from '@/lib/twilio/list-usage-triggers';

import { defineCheck } from '../define-check';
import { USAGE_TRIGGER_PATH } from '../../twilio/webhook-routes';
import { fail, pass } from '../types';

export const usageTriggersCheck = defineCheck({
  id: 'usage-triggers',
  title: 'Twilio billing alerts set for each threshold',
  group: 'billing',
  reads: 'the usage triggers',
  async run(ctx) {
    const callbackUrl = `${ctx.appUrl}${USAGE_TRIGGER_PATH}`;
    const triggers = await listUsageTriggers(ctx.twilio());
    const ours = triggers.filter(
      (t) =>
        t.usageCategory === 'totalprice' &&
        t.triggerBy === 'price' &&
        t.recurring === 'monthly' &&
        t.callbackUrl === callbackUrl,
    );
    const thresholds = ctx.settings.alertThresholdsUsd;
    const missing = thresholds.filter((v) => !ours.some((t) => t.triggerValue === v));
    const details = thresholds.map(
      (v) => `${v} USD a month: ${missing.includes(v) ? 'no Twilio trigger' : 'trigger set'}.`,
    );
    if (missing.length > 0) {
      return fail(
        `No Twilio usage trigger for ${missing.map((v) => `${v} USD`).join(', ')} a month.`,
        'On the Costs page, use “Set up Twilio billing alerts” to create them.',
        details,
      );
    }
    return pass(
      `Twilio will call the portal when the month’s spend reaches ${thresholds.map((v) => `${v}`).join(', ')} USD.`,
      details,
    );
  },
});
