// One appointment, if the user may see it (a clinician: only their own).
import 'server-only';

import { recordRead } from '@/lib/audit/record-change';
import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { appointmentSchema, type Appointment } from '@/lib/schemas/appointment';

import { appointmentWhereForUser } from '@/lib/auth/appointment-scope';

import { appointmentSelect } from './appointment-select';

export const APPOINTMENT_NOT_FOUND =
  'We could not find that appointment. It may have been removed, or it may belong to another clinician.';

export async function getAppointment(user: SessionUser, id: string): Promise<Appointment> {
  assertCan(user, 'appointments.read');
  if (!id || id.length > 64) throw new AppError('NOT_FOUND', APPOINTMENT_NOT_FOUND);
  const row = await db().appointment.findFirst({
    where: { AND: [{ id }, appointmentWhereForUser(user)] },
    select: appointmentSelect,
  });
  if (!row) throw new AppError('NOT_FOUND', APPOINTMENT_NOT_FOUND);

  await recordRead(user, { type: 'Appointment', id: row.id, patientId: row.patient.id });
  return appointmentSchema.parse(row);
}
