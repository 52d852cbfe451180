import type { ReactNode } from 'react';

import { StaffNav } from '@/components/layout/staff-nav';
import { BillingAlertBanner } from '@/components/costs/billing-alert-banner';
import { TrialBanner } from '@/components/readiness/trial-banner';
import { requireUser } from '@/lib/auth/guards';
import { roleCan } from '@/lib/auth/permissions';
import { emulatorInUse } from '@/lib/twilio/emulator-outbox';

import { FailedSignInsBanner } from './_components/failed-sign-ins-banner';

// Every staff page sits in this layout; each page still checks its own
// permission (a layout does not re-run on client navigation).
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <StaffNav user={{ name: user.name, role: user.role }} showOutbox={emulatorInUse()} />
      <FailedSignInsBanner user={user} />
      <TrialBanner showReadinessLink={roleCan(user.role, 'readiness.manage')} />
      {roleCan(user.role, 'costs.read') ? <BillingAlertBanner /> : null}
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
