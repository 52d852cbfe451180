// Changes a patient's details. The UPDATE audit entry names the changed
// columns only. `expectedUpdatedAt` (from the form) refuses to overwrite
// changes someone else saved in the meantime.
import 'server-only';

import { recordChange } from '@/lib/audit/record-change';
import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { parseInput } from '@/lib/schemas/parse-input';
import { patientInputSchema, type PatientInput } from '@/lib/schemas/patient';

import { PATIENT_NOT_FOUND } from './get-patient';
import { changedColumns, toPatientColumns } from './patient-columns';

export const PATIENT_EDIT_CONFLICT =
  'Someone else saved changes to this patient while you were editing. Your changes were not saved: reload the page to see theirs, then make yours again.';

export async function updatePatient(
  user: SessionUser,
  id: string,
  input: PatientInput | Record<string, string>,
  options: { expectedUpdatedAt?: Date } = {},
): Promise<{ id: string; changedFields: string[] }> {
  assertCan(user, 'patients.write');
  const values = parseInput(patientInputSchema, input);

  return db().$transaction(async (tx) => {
    const existing = await tx.patient.findFirst({ where: { id, clinicId: user.clinicId } });
    if (!existing) throw new AppError('NOT_FOUND', PATIENT_NOT_FOUND);
    if (options.expectedUpdatedAt && existing.updatedAt.getTime() !== options.expectedUpdatedAt.getTime()) {
      throw new AppError('CONFLICT', PATIENT_EDIT_CONFLICT);
    }

    const columns = toPatientColumns(values, user, new Date(), existing);
    const changedFields = changedColumns(existing, columns);
    if (changedFields.length === 0) return { id, changedFields };

    // Guarded on updatedAt so a concurrent save between the read and this write is refused too.
    const { count } = await tx.patient.updateMany({
      where: { id, updatedAt: existing.updatedAt },
      data: columns,
    });
    if (count !== 1) throw new AppError('CONFLICT', PATIENT_EDIT_CONFLICT);

    await recordChange(tx, user, 'UPDATE', {
      type: 'Patient',
      id,
      patientId: id,
      detail: { fields: changedFields },
    });
    return { id, changedFields };
  });
}
