import type { Metadata } from 'next';
import Link from 'next/link';

import { buttonClasses } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { requirePermission } from '@/lib/auth/guards';
import { roleCan } from '@/lib/auth/permissions';
import { listPatients } from '@/lib/patients/list-patients';
import { formatMobile } from '@/lib/phone/parse-mobile';
import { dateOnlyString, patientSearchSchema } from '@/lib/schemas/patient';
import { formatDateString } from '@/lib/time/clinic-time';

export const metadata: Metadata = { title: 'Patients' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// The patient list with search (name, email, mobile or date of birth). A clinician sees only
// the patients they have appointments with. One audit READ per list, count only.
export default async function PatientsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission('patients.read');
  const { q, page } = patientSearchSchema.parse(await searchParams);
  const { patients, total, pageSize } = await listPatients(user, { q, page });
  const canWrite = roleCan(user.role, 'patients.write');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const pageHref = (n: number) =>
    `/patients?${new URLSearchParams({ ...(q ? { q } : {}), page: String(n) })}`;
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(page * pageSize, total);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Patients</h1>
          {!roleCan(user.role, 'appointments.readAll') ? (
            <p className="text-slate-700">Patients you have appointments with.</p>
          ) : null}
        </div>
        {canWrite ? (
          <Link href="/patients/new" className={buttonClasses('primary')}>
            Add a patient
          </Link>
        ) : null}
      </div>

      <search>
        <form action="/patients" method="get" className="flex flex-wrap items-end gap-3">
          <div className="flex min-w-0 grow flex-col gap-1 sm:max-w-md">
            <label htmlFor="patient-search" className="text-sm font-medium text-slate-800">
              Search patients
            </label>
            <p id="patient-search-hint" className="text-sm text-slate-600">
              Part of a name, an email address, a mobile number or a date of birth (like 7/4/1985).
            </p>
            <input
              id="patient-search"
              name="q"
              type="search"
              defaultValue={q}
              maxLength={100}
              autoComplete="off"
              aria-describedby="patient-search-hint"
              className="min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2 text-base"
            />
          </div>
          <button type="submit" className={buttonClasses('secondary')}>
            Search
          </button>
          {q ? (
            <Link href="/patients" className={buttonClasses('ghost')}>
              Clear search
            </Link>
          ) : null}
        </form>
      </search>

      <p role="status" className="text-sm text-slate-700">
        {total === 0
          ? q
            ? 'No patients match that search.'
            : 'No patients yet.'
          : `Showing ${from}–${to} of ${total} ${total === 1 ? 'patient' : 'patients'}${q ? ' matching the search' : ''}.`}
      </p>

      {patients.length > 0 ? (
        <DataTable
          caption={`Patients${q ? ' matching the search' : ''}, by family name, page ${page} of ${pages}`}
          rows={patients}
          rowKey={(p) => p.id}
          layout="fixed"
          className="min-w-[32rem]"
          columns={[
            {
              key: 'name',
              header: 'Name',
              rowHeader: true,
              className: 'font-normal',
              truncate: true,
              title: (p) =>
                `${p.familyName}, ${p.givenName}${p.preferredName ? ` (prefers ${p.preferredName})` : ''}`,
              cell: (p) => (
                <>
                  <Link
                    href={`/patients/${p.id}`}
                    className="font-semibold text-brand-700 underline-offset-2 hover:underline"
                  >
                    {p.familyName}, {p.givenName}
                  </Link>
                  {p.preferredName ? (
                    <span className="block truncate text-xs text-slate-600">Prefers {p.preferredName}</span>
                  ) : null}
                </>
              ),
            },
            {
              key: 'dob',
              header: 'Date of birth',
              width: 'w-36',
              cell: (p) =>
                p.dateOfBirth ? (
                  formatDateString(dateOnlyString(p.dateOfBirth), 'd MMM yyyy')
                ) : (
                  <span className="text-slate-600">Not recorded</span>
                ),
            },
            { key: 'mobile', header: 'Mobile', width: 'w-40', cell: (p) => formatMobile(p.mobile) },
          ]}
        />
      ) : null}

      {pages > 1 ? (
        <nav aria-label="Pages of patients" className="flex items-center justify-between gap-3">
          {page > 1 ? (
            <Link href={pageHref(page - 1)} className={buttonClasses('secondary')}>
              Previous page
            </Link>
          ) : (
            <span />
          )}
          <span className="text-sm text-slate-700">
            Page {page} of {pages}
          </span>
          {page < pages ? (
            <Link href={pageHref(page + 1)} className={buttonClasses('secondary')}>
              Next page
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}
