// Patients the user may see, optionally searched by name, email, mobile or date of birth.
// One READ audit entry per list or search, holding the count only: never the
// search text (it is often a name) or the names returned.
import 'server-only';

import { recordAudit } from '@/lib/audit/record-audit';
import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { patientListItemSchema, type PatientListItem } from '@/lib/schemas/patient';

import { patientListSelect } from './patient-list-select';
import { patientScope } from './patient-scope';
import { dateOfBirthQuery, mobileQueryDigits } from './search-patients';

export const PATIENT_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 1000;
const MAX_TERMS = 5;

export type ListPatientsParams = {
  q?: string;
  page?: number;
  pageSize?: number;
  /** Recorded in the audit entry: the patients list, or the booking form's patient picker. */
  purpose?: 'list' | 'picker';
};

export type PatientList = { patients: PatientListItem[]; total: number; page: number; pageSize: number };

export function patientSearchWhere(q: string): Prisma.PatientWhereInput {
  const query = q.trim();
  if (!query) return {};
  const dob = dateOfBirthQuery(query);
  if (dob) return { dateOfBirth: new Date(`${dob}T00:00:00.000Z`) };
  const digits = mobileQueryDigits(query);
  if (digits) return { mobile: { contains: digits } };
  const terms = query.split(/\s+/).slice(0, MAX_TERMS);
  return {
    AND: terms.map((term) => ({
      OR: [
        { givenName: { contains: term, mode: 'insensitive' } },
        { familyName: { contains: term, mode: 'insensitive' } },
        { preferredName: { contains: term, mode: 'insensitive' } },
        { email: { contains: term, mode: 'insensitive' } },
      ],
    })),
  };
}

export async function listPatients(user: SessionUser, params: ListPatientsParams = {}): Promise<PatientList> {
  assertCan(user, 'patients.read');
  const q = (params.q ?? '').trim().slice(0, 100);
  const pageSize = Math.min(Math.max(params.pageSize ?? PATIENT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
  const page = Math.max(Math.floor(params.page ?? 1), 1);

  const where: Prisma.PatientWhereInput = {
    AND: [patientScope(user), { archivedAt: null }, patientSearchWhere(q)],
  };
  const [rows, total] = await db().$transaction([
    db().patient.findMany({
      where,
      orderBy: [{ familyName: 'asc' }, { givenName: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: patientListSelect,
    }),
    db().patient.count({ where }),
  ]);

  await recordAudit({
    actor: { id: user.id, role: user.role },
    action: 'READ',
    entityType: 'Patient',
    detail: {
      kind: q ? 'search' : 'list',
      purpose: params.purpose ?? 'list',
      count: rows.length,
      total,
      page,
    },
  });

  return { patients: rows.map((row) => patientListItemSchema.parse(row)), total, page, pageSize };
}
