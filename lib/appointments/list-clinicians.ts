// Clinicians who can be booked, for the booking form and the staff filter.
// A clinician sees only themself.
import 'server-only';

import { appointmentScope, assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { clinicianOptionSchema, type ClinicianOption } from '@/lib/schemas/appointment';

export async function listClinicians(user: SessionUser): Promise<ClinicianOption[]> {
  assertCan(user, 'appointments.read');
  const { clinicianId } = appointmentScope(user);
  const rows = await db().clinician.findMany({
    where: { user: { clinicId: user.clinicId, active: true }, ...(clinicianId ? { id: clinicianId } : {}) },
    orderBy: [{ familyName: 'asc' }, { givenName: 'asc' }],
    select: { id: true, givenName: true, familyName: true, title: true },
  });
  return rows.map((row) => clinicianOptionSchema.parse(row));
}
