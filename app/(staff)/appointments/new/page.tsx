import type { Metadata } from 'next';
import Link from 'next/link';

import { Breadcrumb } from '@/components/ui/page-header';
import { Alert } from '@/components/ui/alert';
import { listClinicians } from '@/lib/appointments/list-clinicians';
import { requirePermission } from '@/lib/auth/guards';
import { roleCan } from '@/lib/auth/permissions';
import { toPatientOption } from '@/lib/patients/patient-option';
import { findPatientOption, hasAnyPatient } from '@/lib/patients/search-patients';
import { clinicianDisplayName, DEFAULT_DURATION_MINUTES } from '@/lib/schemas/appointment';
import { isValidDateString, isValidTimeString, todayIn } from '@/lib/time/clinic-time';
import { getClinicTimeZone } from '@/lib/time/get-clinic-time-zone';

import { createAppointmentAction } from '../actions';
import { BookingForm } from '../_components/booking-form';

export const metadata: Metadata = { title: 'Book an appointment' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

// Book an appointment. ?patient=…&clinician=…&date=YYYY-MM-DD&time=HH:mm
// preselect the form (links from a patient's page and the day grid's free slots).
export default async function NewAppointmentPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission('appointments.write');
  const params = await searchParams;
  const timeZone = await getClinicTimeZone(user.clinicId);
  const today = todayIn(timeZone);
  const [patient, clinicians, anyPatient] = await Promise.all([
    one(params.patient) ? findPatientOption(user, one(params.patient)) : null,
    listClinicians(user),
    hasAnyPatient(user),
  ]);

  const clinicianId = clinicians.some((c) => c.id === one(params.clinician))
    ? one(params.clinician)
    : clinicians.length === 1
      ? (clinicians[0]?.id ?? '')
      : '';
  const date = isValidDateString(one(params.date)) && one(params.date) >= today ? one(params.date) : today;
  const startTime = isValidTimeString(one(params.time)) ? one(params.time) : '';

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <Breadcrumb href="/appointments">Appointments</Breadcrumb>
      <h1 className="text-2xl font-bold">Book an appointment</h1>

      {!anyPatient ? (
        <Alert tone="warning" title="No patients yet">
          {roleCan(user.role, 'patients.write') ? (
            <>
              <Link href="/patients/new" className="font-medium underline">
                Add a patient
              </Link>{' '}
              first, then book their appointment.
            </>
          ) : (
            'Add a patient first, then book their appointment.'
          )}
        </Alert>
      ) : clinicians.length === 0 ? (
        <Alert tone="warning" title="No clinicians">
          There are no active clinicians to book with. An administrator can add one.
        </Alert>
      ) : (
        <BookingForm
          action={createAppointmentAction}
          initialPatient={patient ? toPatientOption(patient) : null}
          clinicians={clinicians.map((c) => ({ id: c.id, label: clinicianDisplayName(c) }))}
          defaults={{
            patientId: patient?.id ?? '',
            clinicianId,
            date,
            startTime,
            durationMinutes: String(DEFAULT_DURATION_MINUTES),
            kind: 'TELEHEALTH',
          }}
          today={today}
          timeZoneLabel={timeZone.replaceAll('_', ' ')}
        />
      )}
    </div>
  );
}
