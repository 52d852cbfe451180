// Adds a patient. Input is validated here (not only in the form), and the
// CREATE audit entry lists the fields filled in, never their values.
import 'server-only';

import { recordAudit } from '@/lib/audit/record-audit';
import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { parseInput } from '@/lib/schemas/parse-input';
import { patientInputSchema, type PatientInput } from '@/lib/schemas/patient';

import { filledColumns, toPatientColumns } from './patient-columns';

export async function createPatient(
  user: SessionUser,
  /** Typed values, or the raw strings of a form: validated here either way. */
  input: PatientInput | Record<string, string>,
): Promise<{ id: string }> {
  assertCan(user, 'patients.write');
  const values = parseInput(patientInputSchema, input);
  const columns = toPatientColumns(values, user, new Date());

  return db().$transaction(async (tx) => {
    const patient = await tx.patient.create({
      data: { ...columns, clinicId: user.clinicId },
      select: { id: true },
    });
    await recordAudit(
      {
        actor: { id: user.id, role: user.role },
        action: 'CREATE',
        entityType: 'Patient',
        entityId: patient.id,
        patientId: patient.id,
        detail: { fields: filledColumns(columns) },
      },
      tx,
    );
    return patient;
  });
}
