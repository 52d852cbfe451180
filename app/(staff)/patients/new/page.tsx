import type { Metadata } from 'next';

import { Breadcrumb } from '@/components/ui/page-header';
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
      <Breadcrumb href="/patients">Patients</Breadcrumb>
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
