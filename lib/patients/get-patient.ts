// One patient's record, for someone allowed to see it. Viewing is a READ in
// the audit log; asking for a patient outside the user's scope is recorded as
// DENIED and answered as not found (so it does not reveal the record exists).
import 'server-only';

import { recordAudit } from '@/lib/audit/record-audit';
import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { patientSchema, type Patient } from '@/lib/schemas/patient';

import { patientScope } from './patient-scope';

export const PATIENT_NOT_FOUND =
  'We could not find that patient. They may have been removed, or you may not have access.';

export async function getPatient(user: SessionUser, id: string): Promise<Patient> {
  assertCan(user, 'patients.read');
  const actor = { id: user.id, role: user.role };
  if (!id || id.length > 64) throw new AppError('NOT_FOUND', PATIENT_NOT_FOUND);

  const row = await db().patient.findFirst({
    where: { AND: [{ id }, patientScope(user)] },
    include: { messagingConsentBy: { select: { id: true, name: true } } },
  });

  if (!row) {
    const exists = await db().patient.findFirst({
      where: { id, clinicId: user.clinicId },
      select: { id: true },
    });
    if (exists) {
      await recordAudit({
        actor,
        action: 'READ',
        entityType: 'Patient',
        entityId: id,
        patientId: id,
        outcome: 'DENIED',
      });
    }
    throw new AppError('NOT_FOUND', PATIENT_NOT_FOUND);
  }

  await recordAudit({ actor, action: 'READ', entityType: 'Patient', entityId: row.id, patientId: row.id });
  return patientSchema.parse(row);
}
