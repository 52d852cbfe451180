import type { Metadata } from 'next';
import Link from 'next/link';

import { requirePermission } from '@/lib/auth/guards';
import { todayIn } from '@/lib/time/clinic-time';
import { getClinicTimeZone } from '@/lib/time/get-clinic-time-zone';

import { createPatientAction } from '../actions';
import { PatientForm } from '../_components/patient-form';
import { otherTimeZones, patientFormDefaults } from '../_components/patient-form-defaults';

export const metadata: Metadata = { title: 'Add a patient' };

export default async function NewPatientPage() {
  const user = await requirePermission('patients.write');
  const timeZone = await getClinicTimeZone(user.clinicId);
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/patients" className="text-brand-700 underline underline-offset-2">
          Patients
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">Add a patient</h1>
      <PatientForm
        action={createPatientAction}
        defaults={patientFormDefaults(undefined, timeZone)}
        otherTimeZones={otherTimeZones()}
        today={todayIn(timeZone)}
      />
    </div>
  );
}
