'use server';

import { refresh } from 'next/cache';

import { requirePermission } from '@/lib/auth/guards';
import { runFormAction } from '@/lib/auth/run-form-action';
import { acknowledgeBillingAlert } from '@/lib/costs/acknowledge-billing-alert';
import { syncUsageTriggers } from '@/lib/costs/sync-usage-triggers';
import { getReadinessSettings } from '@/lib/readiness/get-readiness-settings';
import { updateAlertThresholds, updateCostRates } from '@/lib/readiness/update-readiness-settings';
import { formValues, type FormState } from '@/lib/schemas/form-state';

const rateFields = [
  'videoParticipantMinute',
  'whatsappMessage',
  'whatsappUtilityTemplate',
  'failedMessage',
] as const;

function describeSync(sync: { created: number[]; removed: number[] }): string {
  const parts = [
    sync.created.length ? `created Twilio alerts at ${sync.created.join(', ')} USD` : '',
    sync.removed.length ? `removed the ones at ${sync.removed.join(', ')} USD` : '',
  ].filter(Boolean);
  return parts.length ? `Saved; ${parts.join(' and ')}.` : 'Saved; Twilio’s alerts already matched.';
}

// POST /admin/costs – the rates the estimate uses for video, WhatsApp and failed messages.
export async function updateRatesAction(previous: FormState, formData: FormData): Promise<FormState> {
  const admin = await requirePermission('settings.manage');
  const values = formValues(formData, rateFields);
  return runFormAction('costs.rates_failed', previous, values, async () => {
    await updateCostRates(admin, values);
    refresh();
    return { status: 'success', message: 'Saved. The costs below use the new rates.' };
  });
}

// POST /admin/costs – the monthly spend thresholds; Twilio's usage triggers are made to match.
export async function updateThresholdsAction(previous: FormState, formData: FormData): Promise<FormState> {
  const admin = await requirePermission('settings.manage');
  const values = formValues(formData, ['alertThresholdsUsd']);
  return runFormAction(
    'costs.thresholds_failed',
    previous,
    values,
    async (): Promise<Omit<FormState, 'attempt'>> => {
      const thresholds = await updateAlertThresholds(admin, values);
      try {
        const sync = await syncUsageTriggers(admin, thresholds);
        refresh();
        return { status: 'success', message: describeSync(sync) };
      } catch {
        refresh();
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
  const admin = await requirePermission('settings.manage');
  return runFormAction('costs.sync_triggers_failed', previous, {}, async () => {
    const { settings } = await getReadinessSettings(admin.clinicId);
    const sync = await syncUsageTriggers(admin, settings.alertThresholdsUsd);
    refresh();
    return {
      status: 'success',
      message: describeSync(sync)
        .replace(/^Saved; /, '')
        .replace(/^./, (c) => c.toUpperCase()),
    };
  });
}

// POST /admin/costs – an admin has seen a billing alert; it leaves the banner.
export async function acknowledgeAlertAction(previous: FormState, formData: FormData): Promise<FormState> {
  const admin = await requirePermission('costs.read');
  return runFormAction('costs.acknowledge_failed', previous, {}, async () => {
    await acknowledgeBillingAlert(admin, { alertId: formData.get('alertId') });
    refresh();
    return { status: 'success', message: 'Noted.' };
  });
}
