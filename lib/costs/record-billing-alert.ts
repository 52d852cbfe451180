import 'server-only';

// A monthly spend threshold was crossed. Twilio's usage trigger and the
// portal's own estimate both report it; whichever comes first raises the
// alert, exactly once per threshold per month (a unique row), with an audit
// entry. Later reports of the same threshold change nothing.
import { recordChange } from '@/lib/audit/record-change';
import type { BillingAlertSource } from '@/lib/db/generated/enums';
import { db } from '@/lib/db/client';
import { log } from '@/lib/log/logger';

export interface CrossedThreshold {
  /** "2026-11", the UTC month the spend belongs to. */
  month: string;
  thresholdUsd: number;
  source: BillingAlertSource;
  amountUsd: number;
}

export async function recordBillingAlert(alert: CrossedThreshold): Promise<{ raised: boolean }> {
  return db().$transaction(async (tx) => {
    const inserted = await tx.billingAlert.createMany({
      data: [
        {
          month: alert.month,
          thresholdUsd: alert.thresholdUsd,
          source: alert.source,
          amountUsd: alert.amountUsd,
        },
      ],
      skipDuplicates: true,
    });
    if (inserted.count === 0) return { raised: false };
    await recordChange(tx, null, 'CREATE', {
      type: 'BillingAlert',
      id: `${alert.month}:${alert.thresholdUsd}`,
      detail: {
        event: 'threshold_crossed',
        month: alert.month,
        thresholdUsd: alert.thresholdUsd,
        source: alert.source,
      },
    });
    log.warn('costs.billing_alert', {
      month: alert.month,
      thresholdUsd: alert.thresholdUsd,
      source: alert.source,
    });
    return { raised: true };
  });
}

/** Raises an alert for every threshold the amount has reached; returns the ones newly raised. */
export async function raiseCrossedAlerts(input: {
  month: string;
  amountUsd: number;
  thresholdsUsd: number[];
  source: BillingAlertSource;
}): Promise<number[]> {
  const raised: number[] = [];
  for (const thresholdUsd of [...input.thresholdsUsd].sort((a, b) => a - b)) {
    if (input.amountUsd < thresholdUsd) break;
    const result = await recordBillingAlert({
      month: input.month,
      thresholdUsd,
      source: input.source,
      amountUsd: input.amountUsd,
    });
    if (result.raised) raised.push(thresholdUsd);
  }
  return raised;
}
