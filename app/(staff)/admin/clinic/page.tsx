import type { Metadata } from 'next';

import { PageHeader } from '@/components/ui/page-header';
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
      <section aria-labelledby="phone-heading" className="flex flex-col gap-3">
        <h2 id="phone-heading" className="text-lg font-semibold">
          Phone number for patients
        </h2>
        <ClinicPhoneForm contactPhone={clinic.contactPhone} />
      </section>
    </div>
  );
}
