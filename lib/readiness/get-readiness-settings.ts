import 'server-only';

// The admin's readiness and cost settings for a clinic, or the documented
// defaults until an admin saves their own.
import { defaultEditableRates, type EditableRates } from '@/lib/costs/default-rates';
import { db } from '@/lib/db/client';

import { defaultReadinessSettings, type ReadinessSettings } from './types';

export interface ClinicReadinessSettings {
  settings: ReadinessSettings;
  rates: EditableRates;
  updatedAt: Date | null;
}

export async function getReadinessSettings(clinicId: string): Promise<ClinicReadinessSettings> {
  const row = await db().readinessSettings.findUnique({ where: { clinicId } });
  if (!row) return { settings: defaultReadinessSettings, rates: defaultEditableRates, updatedAt: null };
  return {
    settings: {
      minimumBalanceUsd: Number(row.minimumBalanceUsd),
      alertThresholdsUsd: [...row.alertThresholdsUsd].sort((a, b) => a - b),
    },
    rates: {
      videoParticipantMinute: Number(row.videoParticipantMinuteUsd),
      whatsappMessage: Number(row.whatsappMessageUsd),
      whatsappUtilityTemplate: Number(row.whatsappUtilityTemplateUsd),
      failedMessage: Number(row.failedMessageUsd),
    },
    updatedAt: row.updatedAt,
  };
}
