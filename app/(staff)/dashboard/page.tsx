import type { Metadata } from 'next';
import Link from 'next/link';

import { AppointmentTable } from '@/components/appointments/appointment-table';
import { buttonClasses } from '@/components/ui/button';
import { WaitingList } from '@/components/video/waiting-list';
import { listAppointmentsForView } from '@/lib/appointments/list-appointments';
import { requirePermission } from '@/lib/auth/guards';
import { roleCan } from '@/lib/auth/permissions';
import { formatDateString, todayIn } from '@/lib/time/clinic-time';
import { getClinicTimeZone } from '@/lib/time/get-clinic-time-zone';
import { getWaitingList } from '@/lib/video/waiting-room/get-waiting-list';

import { NextUp } from './_components/next-up';

export const metadata: Metadata = { title: 'Today' };

// Today's appointments in the signed-in user's scope: a clinician sees their
// own, staff and admins see the whole clinic.
export default async function DashboardPage() {
  const user = await requirePermission('dashboard.view');
  const timeZone = await getClinicTimeZone(user.clinicId);
  const today = todayIn(timeZone);
  const [{ appointments }, waitingList] = await Promise.all([
    listAppointmentsForView(user, { view: 'day', date: today, timeZone }),
    getWaitingList(user),
  ]);

  const seeAll = roleCan(user.role, 'appointments.readAll');
  const canBook = roleCan(user.role, 'appointments.write');
  const active = appointments.filter((a) => a.status !== 'CANCELLED');
  const telehealth = active.filter((a) => a.kind === 'TELEHEALTH').length;
  // "Next" is worked out in the browser against its clock, and again as time passes (NextUp).
  const starts = active.map((a) => a.startsAt.toISOString()).sort();
  // The first render's clock (server components render once per request); the browser takes over.
  const renderedAt = new Date().getTime();

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">Today</h1>
          <p className="text-slate-700">
            {formatDateString(today)} · {seeAll ? 'All clinicians' : 'Your appointments'}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href={`/appointments?view=week&date=${today}`} className={buttonClasses('secondary')}>
            This week
          </Link>
          {canBook ? (
            <Link href={`/appointments/new?date=${today}`} className={buttonClasses('primary')}>
              Book an appointment
            </Link>
          ) : null}
        </div>
      </div>

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading" className="sr-only">
          Summary
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-600">Appointments</dt>
            <dd className="text-2xl font-bold">{active.length}</dd>
          </div>
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-600">Telehealth</dt>
            <dd className="text-2xl font-bold">{telehealth}</dd>
          </div>
          <div className="col-span-2 rounded-lg border border-slate-200 bg-white p-4 sm:col-span-1">
            <dt className="text-sm text-slate-600">Next</dt>
            <dd className="text-2xl font-bold" data-testid="next-up">
              <NextUp starts={starts} timeZone={timeZone} serverNow={renderedAt} />
            </dd>
          </div>
        </dl>
      </section>

      {waitingList.items.length > 0 ? <WaitingList initial={waitingList} /> : null}

      <section aria-labelledby="today-heading" className="flex flex-col gap-3">
        <h2 id="today-heading" className="text-lg font-semibold">
          Today&rsquo;s appointments
        </h2>
        {appointments.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700">
            No appointments today.
            {canBook ? (
              <>
                {' '}
                <Link
                  href={`/appointments/new?date=${today}`}
                  className="font-medium text-brand-700 underline"
                >
                  Book one
                </Link>
                .
              </>
            ) : null}
          </p>
        ) : (
          <AppointmentTable
            appointments={appointments}
            caption={`Appointments today, ${formatDateString(today)}, in time order`}
            timeZone={timeZone}
            showClinician={seeAll}
          />
        )}
        <p className="text-sm text-slate-600">
          Times are shown in the clinic&rsquo;s timezone ({timeZone.replace(/_/g, ' ')}).
        </p>
      </section>
    </div>
  );
}
