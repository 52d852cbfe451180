import type { Metadata } from 'next';
import Link from 'next/link';

import { KindLabel } from '@/components/appointments/kind-label';
import { StatusBadge } from '@/components/appointments/status-badge';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { Breadcrumb } from '@/components/ui/page-header';
import { Section } from '@/components/ui/section';
import { listAppointments } from '@/lib/appointments/list-appointments';
import { requirePermission } from '@/lib/auth/guards';
import { roleCan } from '@/lib/auth/permissions';
import { orNotFound } from '@/lib/http/or-not-found';
import { getPatient } from '@/lib/patients/get-patient';
import { getPatientHistory, HISTORY_MAX, HISTORY_PAGE } from '@/lib/patients/get-patient-history';
import { formatMobile } from '@/lib/phone/parse-mobile';
import { clinicianDisplayName } from '@/lib/schemas/appointment';
import {
  AUSTRALIAN_TIME_ZONES,
  channelLabels,
  consentMethodLabels,
  dateOnlyString,
  patientDisplayName,
} from '@/lib/schemas/patient';
import { formatDateString, formatInTimeZone, formatTime, todayIn } from '@/lib/time/clinic-time';
import { getClinicTimeZone } from '@/lib/time/get-clinic-time-zone';

import { updatePatientAction } from '../actions';
import { PatientForm } from '../_components/patient-form';
import { PatientHistory } from './_components/patient-history';
import { otherTimeZones, patientFormDefaults } from '../_components/patient-form-defaults';

// A generic title: page titles end up in browser history.
export const metadata: Metadata = { title: 'Patient' };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// One patient: their details, upcoming appointments and (for staff and
// admins) the edit form. Opening the page is an audited READ.
export default async function PatientPage({ params, searchParams }: Props) {
  const user = await requirePermission('patients.read');
  const { id } = await params;
  const { saved, history } = await searchParams;
  const patient = await orNotFound(getPatient(user, id));
  const historyLimit = Math.min(
    HISTORY_MAX,
    Math.max(HISTORY_PAGE, Number.parseInt(typeof history === 'string' ? history : '', 10) || HISTORY_PAGE),
  );
  const past = await getPatientHistory(user, patient.id, { limit: historyLimit });
  const timeZone = await getClinicTimeZone(user.clinicId);
  const upcoming = await listAppointments(user, {
    from: new Date(),
    patientId: patient.id,
    includeCancelled: false,
    limit: 10,
  });
  const canEdit = roleCan(user.role, 'patients.write');
  const canBook = roleCan(user.role, 'appointments.write');
  const when = (d: Date) => formatInTimeZone(d, timeZone, 'd MMM yyyy, h:mm aaa');
  const zoneLabel =
    AUSTRALIAN_TIME_ZONES.find((z) => z.value === patient.timezone)?.label ?? patient.timezone;

  return (
    <div className="flex flex-col gap-8">
      <Breadcrumb href="/patients">Patients</Breadcrumb>

      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold break-words">{patientDisplayName(patient)}</h1>
          {patient.preferredName ? (
            <p className="break-words text-slate-700">
              Full name: {patient.givenName} {patient.familyName}
            </p>
          ) : null}
        </div>
        {canBook ? (
          <Link href={`/appointments/new?patient=${patient.id}`} className={buttonClasses('primary')}>
            Book an appointment
          </Link>
        ) : null}
      </div>

      {saved === 'created' ? <Alert tone="success">Patient added.</Alert> : null}

      <section
        aria-labelledby="details-heading"
        className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
      >
        <h2 id="details-heading" className="text-lg font-semibold">
          Details
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-3 sm:grid-cols-2">
          <Item term="Date of birth">
            {patient.dateOfBirth ? formatDateString(dateOnlyString(patient.dateOfBirth)) : 'Not recorded'}
          </Item>
          <Item term="Mobile">{formatMobile(patient.mobile)}</Item>
          <Item term="Email">{patient.email ?? 'Not recorded'}</Item>
          <Item term="Timezone">{zoneLabel}</Item>
          <Item term="Preferred channel">{channelLabels[patient.preferredChannel]}</Item>
          <Item term="Consent to appointment messages">
            {patient.messagingConsentAt ? (
              <>
                Yes
                {patient.messagingConsentMethod
                  ? `, ${consentMethodLabels[patient.messagingConsentMethod].toLowerCase()}`
                  : ''}
                .
                <span className="block text-sm text-slate-600">
                  Recorded {when(patient.messagingConsentAt)}
                  {patient.messagingConsentBy ? ` by ${patient.messagingConsentBy.name}` : ''}
                </span>
              </>
            ) : (
              'Not given'
            )}
          </Item>
          <Item term="WhatsApp consent">{patient.whatsappConsent ? 'Yes' : 'No'}</Item>
          <Item term="Opted out">
            {[
              patient.smsOptOutAt ? `SMS since ${when(patient.smsOptOutAt)}` : null,
              patient.whatsappOptOutAt ? `WhatsApp since ${when(patient.whatsappOptOutAt)}` : null,
            ]
              .filter(Boolean)
              .join('; ') || 'No'}
          </Item>
        </dl>
      </section>

      <Section id="upcoming" title="Upcoming appointments">
        {upcoming.length === 0 ? (
          <p className="text-slate-700">No upcoming appointments.</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {upcoming.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
                <Link
                  href={`/appointments/${a.id}`}
                  className="font-semibold text-brand-700 underline underline-offset-2"
                >
                  {formatInTimeZone(a.startsAt, timeZone, 'EEE d MMM yyyy')},{' '}
                  {formatTime(a.startsAt, timeZone)}
                </Link>
                <span className="text-sm text-slate-700">with {clinicianDisplayName(a.clinician)}</span>
                <KindLabel kind={a.kind} />
                <StatusBadge status={a.status} />
              </li>
            ))}
          </ul>
        )}
      </Section>

      <PatientHistory
        entries={past.entries}
        hasMore={past.hasMore && historyLimit < HISTORY_MAX}
        moreHref={`/patients/${patient.id}?history=${historyLimit + HISTORY_PAGE}#history`}
        timeZone={timeZone}
        scopedToClinician={!roleCan(user.role, 'appointments.readAll')}
      />

      {canEdit ? (
        <Section id="edit" title="Edit details" className="flex max-w-2xl flex-col gap-4">
          <PatientForm
            action={updatePatientAction.bind(null, patient.id)}
            defaults={patientFormDefaults(patient)}
            otherTimeZones={otherTimeZones()}
            version={patient.updatedAt.toISOString()}
            consentRecord={
              patient.messagingConsentAt
                ? `Recorded ${when(patient.messagingConsentAt)}${patient.messagingConsentBy ? ` by ${patient.messagingConsentBy.name}` : ''}. Untick to record that consent was withdrawn.`
                : undefined
            }
            today={todayIn(timeZone)}
          />
        </Section>
      ) : null}
    </div>
  );
}

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-sm font-medium text-slate-600">{term}</dt>
      <dd className="break-words text-slate-900">{children}</dd>
    </div>
  );
}
