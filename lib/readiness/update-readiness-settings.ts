import 'server-only';

// An admin changes the minimum balance, the cost rates or the alert
// thresholds. One row per clinic, created with the defaults on first save;
// each change is audited with the field names (the values are not personal).
import { recordChange } from '@/lib/audit/record-change';
import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { parseInput } from '@/lib/schemas/parse-input';
import { alertThresholdsSchema, costRatesSchema, minimumBalanceSchema } from '@/lib/readiness/readiness-schemas';

type SettingsData = {
  minimumBalanceUsd?: number;
  alertThresholdsUsd?: number[];
  videoParticipantMinuteUsd?: number;
  whatsappMessageUsd?: number;
  whatsappUtilityTemplateUsd?: number;
  failedMessageUsd?: number;
};

async function save(actor: SessionUser, data: SettingsData, event: string): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.readinessSettings.upsert({
      where: { clinicId: actor.clinicId },
      create: { clinicId: actor.clinicId, ...data, updatedById: actor.id },
      update: { ...data, updatedById: actor.id },
    });
    await recordChange(tx, actor, 'UPDATE', {
      type: 'ReadinessSettings',
      id: actor.clinicId,
      detail: { event, fields: Object.keys(data) },
    });
  });
}

export async function updateMinimumBalance(actor: SessionUser, input: unknown): Promise<void> {
  assertCan(actor, 'readiness.manage');
  const { minimumBalanceUsd } = parseInput(minimumBalanceSchema, input);
  await save(actor, { minimumBalanceUsd }, 'minimum_balance');
}

export async function updateCostRates(actor: SessionUser, input: unknown): Promise<void> {
  assertCan(actor, 'settings.manage');
  const rates = parseInput(costRatesSchema, input);
  await save(
    actor,
    {
      videoParticipantMinuteUsd: rates.videoParticipantMinute,
      whatsappMessageUsd: rates.whatsappMessage,
      whatsappUtilityTemplateUsd: rates.whatsappUtilityTemplate,
      failedMessageUsd: rates.failedMessage,
    },
    'cost_rates',
  );
}

export async function updateAlertThresholds(actor: SessionUser, input: unknown): Promise<number[]> {
  assertCan(actor, 'settings.manage');
  const { alertThresholdsUsd } = parseInput(alertThresholdsSchema, input);
  await save(actor, { alertThresholdsUsd }, 'alert_thresholds');
  return alertThresholdsUsd;
}
