import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';

import { CheckList } from '@/components/readiness/check-list';
import { CheckSummary } from '@/components/readiness/check-summary';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { Section } from '@/components/ui/section';
import { requirePermission } from '@/lib/auth/guards';
import { clearAccountSnapshot } from '@/lib/readiness/account-snapshot';
import { buildReadinessContext } from '@/lib/readiness/build-context';
import { manualItems } from '@/lib/readiness/checks/manual-items';
import { getReadinessResults } from '@/lib/readiness/get-readiness-results';
import { getReadinessSettings } from '@/lib/readiness/get-readiness-settings';
import { loadReadinessInputs } from '@/lib/readiness/load-readiness-inputs';
import type { CheckResult } from '@/lib/readiness/types';
import { formatInTimeZone } from '@/lib/time/clinic-time';
import { getClinicTimeZone } from '@/lib/time/get-clinic-time-zone';
import { twilioConfigured } from '@/lib/twilio/client';

import { ManualTickForm } from './_components/manual-tick-form';
import { MinimumBalanceForm } from './_components/minimum-balance-form';
import { RunCheckForm } from './_components/run-check-form';
import { TestPanel } from './_components/test-panel';

export const metadata: Metadata = { title: 'Go-live readiness' };

// The clinic's Twilio go-live checklist, checked against the configured
// account each time the page is opened (the same checks as `npm run check:twilio`).
// Opening the page only reads: a check that would create something at Twilio
// (a test room) shows its last result and runs when an admin presses its button.
async function Checks({ clinicId }: { clinicId: string }) {
  const [inputs, timeZone] = await Promise.all([loadReadinessInputs(clinicId), getClinicTimeZone(clinicId)]);
  const results = await getReadinessResults(clinicId, buildReadinessContext(inputs));
  // The page has just read the account: the trial banner and guard should not lag behind it.
  clearAccountSnapshot();
  return (
    <div className="flex flex-col gap-6">
      <CheckSummary results={results} />
      <CheckList
        results={results}
        actions={(r) => {
          if (r.onRequest) {
            return (
              <RunCheckForm
                checkId={r.id}
                title={r.title}
                creates={r.onRequest.creates}
                lastRun={lastRunText(r.onRequest, timeZone)}
              />
            );
          }
          const item = manualItems.find((m) => `manual-${m.id}` === r.id);
          if (!item) return null;
          return (
            <ManualTickForm
              item={item.id}
              ticked={inputs.manualTicks[item.id] !== undefined}
              title={item.title}
            />
          );
        }}
      />
    </div>
  );
}

/** "Last run 5 Dec 2026 at 10:15 am (Australia/Sydney) by Ada Admin.": the clinic's clock, its zone named. */
function lastRunText(run: NonNullable<CheckResult['onRequest']>, timeZone: string): string | null {
  if (!run.ranAt) return null;
  const when = formatInTimeZone(run.ranAt, timeZone, "d MMM yyyy 'at' h:mm aaa");
  return `Last run ${when} (${timeZone})${run.ranByName ? ` by ${run.ranByName}` : ''}.`;
}

export default async function ReadinessPage() {
  const admin = await requirePermission('readiness.manage');
  const { settings } = await getReadinessSettings(admin.clinicId);
  return (
    <div className="flex flex-col gap-10">
      <div className="flex flex-col gap-3">
        <p className="text-sm">
          <Link href="/admin" className="text-brand-700 underline underline-offset-4">
            Admin
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Go-live readiness</h1>
        <p className="max-w-3xl text-slate-700">
          Each item of the clinic’s Twilio go-live checklist, checked against the Twilio account this portal
          uses. Every check says what it found and, when something needs doing, how to fix it. The same checks
          run in a terminal with <code>npm run check:twilio</code>.
        </p>
        <div>
          <Link href="/admin/readiness" className={buttonClasses('secondary')} prefetch={false}>
            Run the checks again
          </Link>
        </div>
      </div>

      <Section id="checks" title="Checklist" size="xl" className="flex flex-col gap-4">
        {twilioConfigured() ? (
          <Suspense fallback={<p role="status">Checking the Twilio account… this takes a few seconds.</p>}>
            <Checks clinicId={admin.clinicId} />
          </Suspense>
        ) : (
          <Alert tone="error" title="Twilio is not configured">
            Set TWILIO_ACCOUNT_SID and an API key (TWILIO_API_KEY, TWILIO_API_SECRET) or TWILIO_AUTH_TOKEN,
            then restart the portal.
          </Alert>
        )}
      </Section>

      <Section id="tests" title="Tests after upgrading" size="xl" className="flex flex-col gap-4">
        <p className="max-w-3xl text-slate-700">
          One click each, on the live account. Results and Twilio’s callbacks appear below each test as they
          arrive. Use a phone of your own: the number is kept only while its test runs.
        </p>
        <TestPanel timeZone={await getClinicTimeZone(admin.clinicId)} />
      </Section>

      <Section id="settings" title="Balance threshold" size="xl" className="flex flex-col gap-4">
        <MinimumBalanceForm minimumBalanceUsd={settings.minimumBalanceUsd} />
        <p className="text-sm text-slate-700">
          Billing alert thresholds and cost rates are set on the{' '}
          <Link href="/admin/costs" className="text-brand-700 underline underline-offset-4">
            Costs page
          </Link>
          .
        </p>
      </Section>
    </div>
  );
}
