import type { Metadata } from 'next';

import { PageHeader } from '@/components/ui/page-header';
import { Section } from '@/components/ui/section';
import { requirePermission } from '@/lib/auth/guards';
import { db } from '@/lib/db/client';

import { ClinicPhoneForm } from './_components/clinic-phone-form';

export const metadata: Metadata = { title: 'Clinic details' };

// Admins: the clinic's phone number, which patients are given whenever their
// join link cannot take them into a session.
export default async function ClinicDetailsPage() {
  const admin = await requirePermission('settings.manage');
  const clinic = await db().clinic.findUniqueOrThrow({
    where: { id: admin.clinicId },
    select: { name: true, contactPhone: true },
  });
  return (
    <div className="flex flex-col gap-8">
      <PageHeader up={{ href: '/admin', label: 'Admin' }} title="Clinic details">
        <p className="text-slate-700">{clinic.name}</p>
      </PageHeader>
      <Section id="phone" title="Phone number for patients">
        <ClinicPhoneForm contactPhone={clinic.contactPhone} />
      </Section>
    </div>
  );
}
