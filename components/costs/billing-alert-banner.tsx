import 'server-only';

import Link from 'next/link';

import { listBillingAlerts } from '@/lib/costs/list-billing-alerts';
import { monthKey } from '@/lib/costs/month-keys';

/**
 * Tells admins on every staff page that this month's Twilio spend has crossed
 * a threshold, until one of them marks it as seen on the costs page. Mount it
 * only for users who may read costs.
 */
export async function BillingAlertBanner() {
  let alerts;
  try {
    alerts = await listBillingAlerts(monthKey(new Date()), { unacknowledgedOnly: true });
  } catch {
    return null;
  }
  const highest = alerts[0];
  if (!highest) return null;
  return (
    <div role="alert" className="border-b border-red-300 bg-red-50 text-red-950">
      <p className="mx-auto max-w-6xl px-4 py-2 text-sm">
        <strong className="font-semibold">
          Twilio spend this month has passed {highest.thresholdUsd} USD.
        </strong>{' '}
        <Link href="/admin/costs" className="font-medium underline underline-offset-4">
          See costs and billing alerts
        </Link>
      </p>
    </div>
  );
}
