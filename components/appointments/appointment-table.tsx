import Link from 'next/link';

import { patientDisplayName } from '@/lib/schemas/patient';
import { clinicianDisplayName, type Appointment } from '@/lib/schemas/appointment';
import { formatTime, minutesBetween } from '@/lib/time/clinic-time';

import { KindLabel } from './kind-label';
import { StatusBadge } from './status-badge';

// A day's appointments as a table (dashboard and the day view). On narrow
// screens the clinician and duration columns fold into the other cells.

export function AppointmentTable({
  appointments,
  caption,
  timeZone,
  showClinician,
}: {
  appointments: Appointment[];
  caption: string;
  timeZone: string;
  showClinician: boolean;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">
              Time
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Patient
            </th>
            {showClinician ? (
              <th scope="col" className="hidden px-3 py-2 font-semibold md:table-cell">
                Clinician
              </th>
            ) : null}
            <th scope="col" className="px-3 py-2 font-semibold">
              Type
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Status
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              <span className="sr-only">Details</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {appointments.map((a) => {
            const cancelled = a.status === 'CANCELLED';
            const patientName = patientDisplayName(a.patient);
            return (
              <tr key={a.id} className={cancelled ? 'text-slate-500' : undefined}>
                <th scope="row" className="whitespace-nowrap px-3 py-3 font-semibold">
                  {formatTime(a.startsAt, timeZone)}
                  <span className="block text-xs font-normal text-slate-600">
                    to {formatTime(a.endsAt, timeZone)} · {minutesBetween(a.startsAt, a.endsAt)} min
                  </span>
                </th>
                {/* A long name wraps anywhere rather than widen the table past the screen. */}
                <td className="min-w-32 px-3 py-3 wrap-anywhere">
                  <Link
                    href={`/patients/${a.patient.id}`}
                    className="font-medium text-brand-700 underline-offset-2 hover:underline"
                  >
                    {patientName}
                  </Link>
                  {showClinician ? (
                    <span className="block text-xs text-slate-600 md:hidden">
                      with {clinicianDisplayName(a.clinician)}
                    </span>
                  ) : null}
                </td>
                {showClinician ? (
                  <td className="hidden px-3 py-3 md:table-cell">{clinicianDisplayName(a.clinician)}</td>
                ) : null}
                <td className="px-3 py-3">
                  <KindLabel kind={a.kind} />
                </td>
                <td className="px-3 py-3">
                  <StatusBadge status={a.status} />
                </td>
                <td className="px-3 py-3">
                  <Link
                    href={`/appointments/${a.id}`}
                    className="inline-flex min-h-11 items-center whitespace-nowrap font-medium text-brand-700 underline underline-offset-2"
                  >
                    Open
                    <span className="sr-only">
                      {' '}
                      appointment at {formatTime(a.startsAt, timeZone)} with {patientName}
                    </span>
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
