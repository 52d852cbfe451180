import Link from 'next/link';

import { DataTable, type DataColumn } from '@/components/ui/data-table';
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
  const columns: (DataColumn<Appointment> | null)[] = [
    {
      key: 'time',
      header: 'Time',
      rowHeader: true,
      className: 'whitespace-nowrap font-semibold',
      cell: (a) => (
        <>
          {formatTime(a.startsAt, timeZone)}
          <span className="block text-xs font-normal text-slate-600">
            to {formatTime(a.endsAt, timeZone)} · {minutesBetween(a.startsAt, a.endsAt)} min
          </span>
        </>
      ),
    },
    {
      key: 'patient',
      header: 'Patient',
      // A long name wraps anywhere rather than widen the table past the screen.
      className: 'min-w-32 wrap-anywhere',
      cell: (a) => (
        <>
          <Link
            href={`/patients/${a.patient.id}`}
            className="font-medium text-brand-700 underline-offset-2 hover:underline"
          >
            {patientDisplayName(a.patient)}
          </Link>
          {showClinician ? (
            <span className="block text-xs text-slate-600 md:hidden">
              with {clinicianDisplayName(a.clinician)}
            </span>
          ) : null}
        </>
      ),
    },
    showClinician
      ? {
          key: 'clinician',
          header: 'Clinician',
          headerClassName: 'hidden md:table-cell',
          className: 'hidden md:table-cell',
          cell: (a) => clinicianDisplayName(a.clinician),
        }
      : null,
    { key: 'kind', header: 'Type', cell: (a) => <KindLabel kind={a.kind} /> },
    { key: 'status', header: 'Status', cell: (a) => <StatusBadge status={a.status} /> },
    {
      key: 'open',
      header: <span className="sr-only">Details</span>,
      cell: (a) => (
        <Link
          href={`/appointments/${a.id}`}
          className="inline-flex min-h-11 items-center whitespace-nowrap font-medium text-brand-700 underline underline-offset-2"
        >
          Open
          <span className="sr-only">
            {' '}
            appointment at {formatTime(a.startsAt, timeZone)} with {patientDisplayName(a.patient)}
          </span>
        </Link>
      ),
    },
  ];
  return (
    <DataTable
      caption={caption}
      rows={appointments}
      rowKey={(a) => a.id}
      rowClassName={(a) => (a.status === 'CANCELLED' ? 'text-slate-500' : undefined)}
      columns={columns.filter((c) => c !== null)}
    />
  );
}
