import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';

import { KindLabel } from '@/components/appointments/kind-label';
import { StatusBadge } from '@/components/appointments/status-badge';
import { AppointmentRemindersPanel } from '@/components/reminders/appointment-reminders-panel';
import { AppointmentTimeline } from '@/components/reminders/appointment-timeline';
import { Alert } from '@/components/ui/alert';
import { Breadcrumb } from '@/components/ui/page-header';
import { getAppointment } from '@/lib/appointments/get-appointment';
import { requirePermission } from '@/lib/auth/guards';
import { roleCan } from '@/lib/auth/permissions';
import { orNotFound } from '@/lib/http/or-not-found';
import { clinicianDisplayName, isOpenStatus, type AppointmentStatusValue } from '@/lib/schemas/appointment';
import { patientDisplayName } from '@/lib/schemas/patient';
import {
  formatInTimeZone,
  formatLongDate,
  formatTime,
  minutesBetween,
  toDateString,
  todayIn,
  toTimeString,
} from '@/lib/time/clinic-time';
import { getClinicTimeZone } from '@/lib/time/get-clinic-time-zone';

import {
  cancelAppointmentAction,
  rescheduleAppointmentAction,
  updateAppointmentStatusAction,
} from '../actions';
import { CancelForm } from '../_components/cancel-form';
import { RescheduleForm } from '../_components/reschedule-form';
import { StatusForm } from '../_components/status-form';

import { VideoPanel } from './_components/video-panel';

export const metadata: Metadata = { title: 'Appointment' };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const savedMessages: Record<string, string> = {
  booked: 'Appointment booked.',
  rescheduled: 'Appointment moved to the new time.',
  cancelled: 'Appointment cancelled.',
  status: 'Status updated.',
};

// One appointment: details, and for staff and admins reschedule, status and cancel.
export default async function AppointmentPage({ params, searchParams }: Props) {
  const user = await requirePermission('appointments.read');
  const { id } = await params;
  const { saved } = await searchParams;
  const appointment = await orNotFound(getAppointment(user, id));
  const timeZone = await getClinicTimeZone(user.clinicId);
  const canWrite = roleCan(user.role, 'appointments.write');
  const open = isOpenStatus(appointment.status);
  // Server components render once per request, so reading the clock here is stable.
  const started = appointment.startsAt <= new Date();
  const date = toDateString(appointment.startsAt, timeZone);
  const duration = minutesBetween(appointment.startsAt, appointment.endsAt);
  const statusChoices: AppointmentStatusValue[] = started
    ? ['BOOKED', 'CONFIRMED', 'COMPLETED', 'NO_SHOW']
    : ['BOOKED', 'CONFIRMED'];
  const savedMessage = typeof saved === 'string' ? savedMessages[saved] : undefined;

  return (
    <div className="flex flex-col gap-8">
      <Breadcrumb href={`/appointments?view=day&date=${date}`}>
        Appointments on {formatLongDate(appointment.startsAt, timeZone)}
      </Breadcrumb>

      <div className="min-w-0">
        <h1 className="text-2xl font-bold break-words">
          Appointment with {patientDisplayName(appointment.patient)}
        </h1>
        <p className="mt-1 text-slate-700">
          {formatLongDate(appointment.startsAt, timeZone)}, {formatTime(appointment.startsAt, timeZone)}
        </p>
      </div>

      {savedMessage ? <Alert tone="success">{savedMessage}</Alert> : null}

      <section
        aria-labelledby="details-heading"
        className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
      >
        <h2 id="details-heading" className="text-lg font-semibold">
          Details
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-3 sm:grid-cols-2">
          <Item term="When">
            {formatLongDate(appointment.startsAt, timeZone)}
            <span className="block">
              {formatTime(appointment.startsAt, timeZone)} to {formatTime(appointment.endsAt, timeZone)} (
              {duration} minutes)
            </span>
          </Item>
          <Item term="Patient">
            <Link
              href={`/patients/${appointment.patient.id}`}
              className="font-medium text-brand-700 underline underline-offset-2"
            >
              {patientDisplayName(appointment.patient)}
            </Link>
          </Item>
          <Item term="Clinician">{clinicianDisplayName(appointment.clinician)}</Item>
          <Item term="Type">
            <KindLabel kind={appointment.kind} />
          </Item>
          <Item term="Status">
            <StatusBadge status={appointment.status} />
          </Item>
          {appointment.cancelledAt ? (
            <Item term="Cancelled">
              {formatInTimeZone(appointment.cancelledAt, timeZone, 'd MMM yyyy, h:mm aaa')}
              <span className="block text-slate-700">
                {appointment.cancelReason ? `Reason: ${appointment.cancelReason}` : 'No reason given.'}
              </span>
            </Item>
          ) : null}
        </dl>
        <p className="mt-4 text-sm text-slate-600">
          Times are in the clinic&rsquo;s timezone ({timeZone.replaceAll('_', ' ')}).
        </p>
      </section>

      {appointment.kind === 'TELEHEALTH' ? <VideoPanel appointmentId={appointment.id} user={user} /> : null}

      <AppointmentRemindersPanel user={user} appointmentId={appointment.id} />
      <AppointmentTimeline user={user} appointmentId={appointment.id} />

      {canWrite && open ? (
        <section aria-labelledby="reschedule-heading" className="flex max-w-2xl flex-col gap-3">
          <h2 id="reschedule-heading" className="text-lg font-semibold">
            Reschedule
          </h2>
          <p className="text-sm text-slate-700">
            Choose the new time. The appointment keeps its details; a confirmed appointment goes back to
            booked.
          </p>
          <RescheduleForm
            action={rescheduleAppointmentAction.bind(null, appointment.id)}
            defaults={{
              date,
              startTime: toTimeString(appointment.startsAt, timeZone),
              durationMinutes: String(duration),
            }}
            today={todayIn(timeZone)}
          />
        </section>
      ) : null}

      {canWrite && appointment.status !== 'CANCELLED' ? (
        <section aria-labelledby="status-heading" className="flex max-w-2xl flex-col gap-3">
          <h2 id="status-heading" className="text-lg font-semibold">
            Update status
          </h2>
          {!started ? (
            <p className="text-sm text-slate-700">
              Completed and no-show become available once the appointment has started.
            </p>
          ) : null}
          <StatusForm
            action={updateAppointmentStatusAction.bind(null, appointment.id)}
            current={appointment.status}
            choices={
              statusChoices.includes(appointment.status)
                ? statusChoices
                : [appointment.status, ...statusChoices]
            }
          />
        </section>
      ) : null}

      {canWrite && open ? (
        <section
          aria-labelledby="cancel-heading"
          className="flex max-w-2xl flex-col gap-3 rounded-lg border border-red-200 bg-white p-4"
        >
          <h2 id="cancel-heading" className="text-lg font-semibold">
            Cancel this appointment
          </h2>
          <p className="text-sm text-slate-700">
            The appointment stays on record, marked cancelled, and its time becomes free.
          </p>
          <CancelForm action={cancelAppointmentAction.bind(null, appointment.id)} />
        </section>
      ) : null}
    </div>
  );
}

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-sm font-medium text-slate-600">{term}</dt>
      <dd className="break-words text-slate-900">{children}</dd>
    </div>
  );
}
