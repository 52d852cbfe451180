// Type-to-search for the booking form's patient picker: a name prefix, a
// mobile in any format, or a date of birth as d/m/yyyy. Scoped like every
// patient read (a clinician finds only their own patients) and audited as one
// READ with the count, never the search text (it is often a name).
import 'server-only';

import { recordAudit } from '@/lib/audit/record-audit';
import { recordRead } from '@/lib/audit/record-change';
import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { patientListItemSchema, type PatientListItem } from '@/lib/schemas/patient';
import { isValidDateString } from '@/lib/time/clinic-time';

import { patientListSelect } from './patient-list-select';
import { patientScope } from './patient-scope';

export const SEARCH_LIMIT = 8;
const MAX_TERMS = 4;

/** "7/4/1985", "07-04-1985", "7.4.1985" (Australian day-first) or "1985-04-07" → "1985-04-07". */
export function dateOfBirthQuery(q: string): string | null {
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(q);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(q);
  const value = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : iso ? q : null;
  return value && isValidDateString(value) ? value : null;
}

/**
 * The digits to look for in a stored E.164 mobile, when the query is made only
 * of phone characters: "0412 345 678", "+61 412 345 678", "(04) 1234-5678".
 */
export function mobileQueryDigits(q: string): string | null {
  if (!/^[+\d\s().-]+$/.test(q)) return null;
  let digits = q.replace(/\D/g, '');
  if (digits.length < 3) return null;
  // Stored as +61412345678: a leading trunk 0 is not in it.
  if (digits.startsWith('0')) digits = digits.slice(1);
  return digits;
}

/** Each word must start one of the names (or a part after a space or hyphen). */
function nameWhere(q: string): Prisma.PatientWhereInput {
  const terms = q.split(/\s+/).filter(Boolean).slice(0, MAX_TERMS);
  const starts = (term: string): Prisma.PatientWhereInput[] =>
    (['givenName', 'familyName', 'preferredName'] as const).flatMap((field) => [
      { [field]: { startsWith: term, mode: 'insensitive' } },
      { [field]: { contains: ` ${term}`, mode: 'insensitive' } },
      { [field]: { contains: `-${term}`, mode: 'insensitive' } },
    ]);
  return { AND: terms.map((term) => ({ OR: starts(term) })) };
}

export function patientQueryWhere(q: string): Prisma.PatientWhereInput {
  const dob = dateOfBirthQuery(q);
  if (dob) return { dateOfBirth: new Date(`${dob}T00:00:00.000Z`) };
  const digits = mobileQueryDigits(q);
  if (digits) return { mobile: { contains: digits } };
  return nameWhere(q);
}

export async function searchPatients(
  user: SessionUser,
  query: string,
  options: { limit?: number } = {},
): Promise<PatientListItem[]> {
  assertCan(user, 'patients.read');
  const q = query.trim().replace(/\s+/g, ' ').slice(0, 100);
  if (!q) return [];
  const rows = await db().patient.findMany({
    where: { AND: [patientScope(user), { archivedAt: null }, patientQueryWhere(q)] },
    orderBy: [{ familyName: 'asc' }, { givenName: 'asc' }, { id: 'asc' }],
    take: Math.min(Math.max(options.limit ?? SEARCH_LIMIT, 1), 50),
    select: patientListSelect,
  });
  await recordAudit({
    actor: { id: user.id, role: user.role },
    action: 'READ',
    entityType: 'Patient',
    detail: { kind: 'search', purpose: 'picker', count: rows.length },
  });
  return rows.map((row) => patientListItemSchema.parse(row));
}

/** One patient as a picker option (a booking link's ?patient=…), within the user's scope. */
export async function findPatientOption(user: SessionUser, id: string): Promise<PatientListItem | null> {
  assertCan(user, 'patients.read');
  if (!id || id.length > 64) return null;
  const row = await db().patient.findFirst({
    where: { AND: [{ id }, patientScope(user), { archivedAt: null }] },
    select: patientListSelect,
  });
  if (!row) return null;
  await recordRead(user, { type: 'Patient', id: row.id, patientId: row.id, detail: { kind: 'picker' } });
  return patientListItemSchema.parse(row);
}

/** Whether the user may see any patient at all (the booking page says "add a patient first" otherwise). */
export async function hasAnyPatient(user: SessionUser): Promise<boolean> {
  assertCan(user, 'patients.read');
  const row = await db().patient.findFirst({
    where: { AND: [patientScope(user), { archivedAt: null }] },
    select: { id: true },
  });
  return row !== null;
}
