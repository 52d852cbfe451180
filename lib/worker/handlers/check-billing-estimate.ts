// Every quarter of an hour: this month's spend by the portal's own figures,
// compared with the admin's thresholds. Raises any alert Twilio's usage
// trigger has not raised yet (Twilio's trigger can lag by hours, or not be set
// up); each threshold alerts once a month whichever source sees it first.
import 'server-only';

import { z } from 'zod';

import { monthToDateEstimate } from '@/lib/costs/get-cost-report';
import { raiseCrossedAlerts } from '@/lib/costs/record-billing-alert';
import { db } from '@/lib/db/client';
import { log } from '@/lib/log/logger';
import { getReadinessSettings } from '@/lib/readiness/get-readiness-settings';
import { twilioConfigured } from '@/lib/twilio/client';

import { defineJob } from '../../jobs/define-job';

export async function checkBillingEstimate(now = new Date()): Promise<number[]> {
  const clinic = await db().clinic.findFirst({ select: { id: true }, orderBy: { createdAt: 'asc' } });
  if (!clinic || !twilioConfigured()) return [];
  const { settings, rates } = await getReadinessSettings(clinic.id);
  const estimate = await monthToDateEstimate(rates, { now });
  const raised = await raiseCrossedAlerts({
    month: estimate.month,
    amountUsd: estimate.total,
    thresholdsUsd: settings.alertThresholdsUsd,
    source: 'PORTAL_ESTIMATE',
  });
  log.info('jobs.billing_estimate', { month: estimate.month, raised: raised.length });
  return raised;
}

export const checkBillingEstimateJob = defineJob({
  name: 'costs.check-billing-estimate',
  payload: z.object({}).passthrough(),
  cron: '*/15 * * * *',
  retryLimit: 2,
  handler: async () => {
    await checkBillingEstimate();
  },
});
