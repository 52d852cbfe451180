// Adds a patient. Input is validated here (not only in the form), and the
// CREATE audit entry lists the fields filled in, never their values.
import 'server-only';

import { recordChange } from '@/lib/audit/record-change';
import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { parseInput } from '@/lib/schemas/parse-input';
import { patientInputSchema, type PatientInput, type PatientValues } from '@/lib/schemas/patient';

import { findDuplicatePatients, type DuplicatePatient } from './find-duplicate-patients';
import { filledColumns, toPatientColumns } from './patient-columns';

export async function createPatient(
  user: SessionUser,
  /** Typed values, or the raw strings of a form: validated here either way. */
  input: PatientInput | Record<string, string>,
): Promise<{ id: string }> {
  assertCan(user, 'patients.write');
  return insertPatient(user, parseInput(patientInputSchema, input));
}

/**
 * The add-a-patient form: adds the patient unless one with the same mobile,
 * or the same name and date of birth, exists already; then it answers with
 * those records so reception can open one or choose "Create anyway".
 */
export async function createPatientUnlessDuplicate(
  user: SessionUser,
  input: PatientInput | Record<string, string>,
  options: { createAnyway?: boolean } = {},
): Promise<{ id: string; duplicates?: undefined } | { id?: undefined; duplicates: DuplicatePatient[] }> {
  assertCan(user, 'patients.write');
  const values = parseInput(patientInputSchema, input);
  if (!options.createAnyway) {
    const duplicates = await findDuplicatePatients(user, values);
    if (duplicates.length > 0) return { duplicates };
  }
  return insertPatient(user, values);
}

async function insertPatient(user: SessionUser, values: PatientValues): Promise<{ id: string }> {
  const columns = toPatientColumns(values, user, new Date());

  return db().$transaction(async (tx) => {
    const patient = await tx.patient.create({
      data: { ...columns, clinicId: user.clinicId },
      select: { id: true },
    });
    await recordChange(tx, user, 'CREATE', {
      type: 'Patient',
      id: patient.id,
      patientId: patient.id,
      detail: { fields: filledColumns(columns) },
    });
    return patient;
  });
}
