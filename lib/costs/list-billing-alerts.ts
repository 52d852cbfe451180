import 'server-only';

// Billing alerts for a month, newest threshold first: for the admins' banner
// (unacknowledged ones) and the costs page (all of them).
import { db } from '@/lib/db/client';

export interface BillingAlertView {
  id: string;
  month: string;
  thresholdUsd: number;
  source: 'TWILIO_TRIGGER' | 'PORTAL_ESTIMATE';
  amountUsd: number;
  firedAt: Date;
  acknowledgedAt: Date | null;
}

export async function listBillingAlerts(
  month: string,
  options: { unacknowledgedOnly?: boolean } = {},
): Promise<BillingAlertView[]> {
  const rows = await db().billingAlert.findMany({
    where: { month, ...(options.unacknowledgedOnly ? { acknowledgedAt: null } : {}) },
    orderBy: { thresholdUsd: 'desc' },
  });
  return rows.map((r) => ({
    id: r.id,
    month: r.month,
    thresholdUsd: r.thresholdUsd,
    source: r.source,
    amountUsd: Number(r.amountUsd),
    firedAt: r.firedAt,
    acknowledgedAt: r.acknowledgedAt,
  }));
}
