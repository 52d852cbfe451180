import type { Metadata } from 'next';
import Link from 'next/link';

import { PageHeader } from '@/components/ui/page-header';
import { Section } from '@/components/ui/section';
import { requirePermission } from '@/lib/auth/guards';
import { db } from '@/lib/db/client';

import { MfaPolicyForm } from './_components/mfa-policy-form';

export const metadata: Metadata = { title: 'Sign-in security' };

export default async function AdminSecurityPage() {
  const admin = await requirePermission('users.manage');
  const clinic = await db().clinic.findUniqueOrThrow({
    where: { id: admin.clinicId },
    select: { mfaRequiredForAll: true },
  });

  return (
    <div className="flex flex-col gap-10">
      <PageHeader up={{ href: '/admin', label: 'Admin' }} title="Sign-in security" />

      <Section id="policy" title="Two-factor sign-in" className="flex max-w-2xl flex-col gap-3">
        <MfaPolicyForm requiredForAll={clinic.mfaRequiredForAll} />
      </Section>

      <Section id="people" title="People" className="flex max-w-2xl flex-col gap-2">
        <p className="text-sm text-slate-700">
          Invite people, reset passwords and two-factor sign-in, change roles and deactivate people who left
          on{' '}
          <Link href="/admin/team" className="text-brand-700 underline underline-offset-4">
            Team
          </Link>
          .
        </p>
      </Section>
    </div>
  );
}
