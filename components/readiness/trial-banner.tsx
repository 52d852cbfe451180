import 'server-only';

import Link from 'next/link';

import { getAccountSnapshot } from '@/lib/readiness/account-snapshot';
import { twilioConfigured } from '@/lib/twilio/client';

/**
 * Tells staff, on every page, that the Twilio account is still a trial: patients
 * whose numbers are not verified get no reminders. Renders nothing for a Full
 * account, or when Twilio cannot be asked (the readiness page says why).
 */
export async function TrialBanner({ showReadinessLink = false }: { showReadinessLink?: boolean }) {
  if (!twilioConfigured()) return null;
  let type: 'Trial' | 'Full';
  try {
    type = (await getAccountSnapshot()).type;
  } catch {
    return null;
  }
  if (type !== 'Trial') return null;
  return (
    <div role="status" className="border-b border-amber-300 bg-amber-50 text-amber-950">
      <p className="mx-auto max-w-6xl px-4 py-2 text-sm">
        <strong className="font-semibold">Twilio trial account.</strong> Messages only reach numbers verified
        in the Twilio Console, and every SMS starts “Sent from your Twilio trial account”.{' '}
        {showReadinessLink ? (
          <Link href="/admin/readiness" className="font-medium underline underline-offset-4">
            Go-live checklist
          </Link>
        ) : (
          'An admin can upgrade the account.'
        )}
      </p>
    </div>
  );
}
