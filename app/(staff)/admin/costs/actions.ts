'use server';

import { z } from 'zod';

import { acknowledgeBillingAlert } from '@/lib/costs/acknowledge-billing-alert';
import { syncUsageTriggers } from '@/lib/costs/sync-usage-triggers';
import { getReadinessSettings } from '@/lib/readiness/get-readiness-settings';
import { updateAlertThresholds, updateCostRates } from '@/lib/readiness/update-readiness-settings';
import { changeAction } from '@/lib/http/change-action';
import type { FormState } from '@/lib/schemas/form-state';
import { entityId, textFields, textFieldsOf } from '@/lib/schemas/safe-text';

const rateFields = [
  'videoParticipantMinute',
  'whatsappMessage',
  'whatsappUtilityTemplate',
  'failedMessage',
] as const;
const ratesForm = textFieldsOf(rateFields, 32);
const thresholdsForm = textFields({ alertThresholdsUsd: 200 });
const noFields = textFields({});
const alertForm = z.object({ alertId: entityId });

function describeSync(sync: { created: number[]; removed: number[] }): string {
  const parts = [
    sync.created.length ? `created Twilio alerts at ${sync.created.join(', ')} USD` : '',
    sync.removed.length ? `removed the ones at ${sync.removed.join(', ')} USD` : '',
  ].filter(Boolean);
  return parts.length ? `Saved; ${parts.join(' and ')}.` : 'Saved; Twilio’s alerts already matched.';
}

// POST /admin/costs – the rates the estimate uses for video, WhatsApp and failed messages.
export async function updateRatesAction(previous: FormState, formData: FormData): Promise<FormState> {
  return changeAction(
    { event: 'costs.rates_failed', schema: ratesForm, permission: 'settings.manage' },
    previous,
    formData,
    updateCostRates,
    'Saved. The costs below use the new rates.',
  );
}

// POST /admin/costs – the monthly spend thresholds; Twilio's usage triggers are made to match.
export async function updateThresholdsAction(previous: FormState, formData: FormData): Promise<FormState> {
  return changeAction(
    { event: 'costs.thresholds_failed', schema: thresholdsForm, permission: 'settings.manage' },
    previous,
    formData,
    updateAlertThresholds,
    async (thresholds, user): Promise<Omit<FormState, 'attempt'>> => {
      try {
        return { status: 'success', message: describeSync(await syncUsageTriggers(user, thresholds)) };
      } catch {
        return {
          status: 'error',
          message:
            'Saved the thresholds, but Twilio could not be reached to set its alerts. Try “Set up Twilio billing alerts” again later.',
        };
      }
    },
  );
}

// POST /admin/costs – create (or tidy) Twilio's usage triggers for the saved thresholds.
export async function syncTriggersAction(previous: FormState): Promise<FormState> {
  return changeAction(
    { event: 'costs.sync_triggers_failed', schema: noFields, permission: 'settings.manage' },
    previous,
    undefined,
    async (user) => {
      const { settings } = await getReadinessSettings(user.clinicId);
      return syncUsageTriggers(user, settings.alertThresholdsUsd);
    },
    (sync) =>
      describeSync(sync)
        .replace(/^Saved; /, '')
        .replace(/^./, (c) => c.toUpperCase()),
  );
}

// POST /admin/costs – an admin has seen a billing alert; it leaves the banner.
export async function acknowledgeAlertAction(previous: FormState, formData: FormData): Promise<FormState> {
  return changeAction(
    { event: 'costs.acknowledge_failed', schema: alertForm, permission: 'costs.read' },
    previous,
    formData,
    acknowledgeBillingAlert,
    'Noted.',
  );
}
