import 'server-only';

// Makes Twilio's usage triggers match the admin's thresholds: one monthly
// totalprice trigger per threshold, calling this deployment's signed webhook.
// The portal's own triggers (found by their callback address) for thresholds
// no longer wanted are deleted; triggers made by hand in the Console are left.
import { recordAudit } from '@/lib/audit/record-audit';
import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { appBaseUrl } from '@/lib/http/public-url';
import { USAGE_TRIGGER_PATH } from '@/lib/twilio/webhook-routes';
import type { TwilioClient } from '@/lib/twilio/client';
import { twilioClient } from '@/lib/twilio/client';
import { createMonthlySpendTrigger } from '@/lib/twilio/create-usage-trigger';
import { deleteUsageTrigger } from '@/lib/twilio/delete-usage-trigger';
import { listUsageTriggers } from '@/lib/twilio/list-usage-triggers';

export interface TriggerSync {
  created: number[];
  kept: number[];
  removed: number[];
}

export async function syncUsageTriggers(
  actor: SessionUser,
  thresholdsUsd: number[],
  client: TwilioClient = twilioClient(),
): Promise<TriggerSync> {
  assertCan(actor, 'settings.manage');
  const callbackUrl = `${appBaseUrl()}${USAGE_TRIGGER_PATH}`;
  const ours = (await listUsageTriggers(client)).filter(
    (t) => t.callbackUrl === callbackUrl && t.usageCategory === 'totalprice' && t.triggerBy === 'price',
  );
  const result: TriggerSync = { created: [], kept: [], removed: [] };
  for (const thresholdUsd of thresholdsUsd) {
    if (ours.some((t) => t.triggerValue === thresholdUsd && t.recurring === 'monthly')) {
      result.kept.push(thresholdUsd);
      continue;
    }
    await createMonthlySpendTrigger(
      { thresholdUsd, callbackUrl, friendlyName: `Telehealth portal: monthly spend ${thresholdUsd} USD` },
      client,
    );
    result.created.push(thresholdUsd);
  }
  for (const trigger of ours) {
    if (thresholdsUsd.includes(trigger.triggerValue) && trigger.recurring === 'monthly') continue;
    await deleteUsageTrigger(trigger.sid, client);
    result.removed.push(trigger.triggerValue);
  }
  await recordAudit({
    actor: { id: actor.id, role: actor.role },
    action: 'UPDATE',
    entityType: 'UsageTrigger',
    entityId: null,
    detail: { event: 'usage_triggers_synced', created: result.created, removed: result.removed },
  });
  return result;
}
