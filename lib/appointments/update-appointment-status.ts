// Marks an appointment booked, confirmed, completed or a no-show. Cancelling
// has its own function (cancel-appointment.ts) because later features hook onto it.
import 'server-only';

import { recordChange } from '@/lib/audit/record-change';
import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { appointmentStatusChangeSchema } from '@/lib/schemas/appointment';
import { parseInput } from '@/lib/schemas/parse-input';

import { appointmentWhereForUser } from '@/lib/auth/appointment-scope';
import { APPOINTMENT_NOT_FOUND } from './get-appointment';

export async function updateAppointmentStatus(
  user: SessionUser,
  id: string,
  input: { status: string },
): Promise<{ id: string; changed: boolean }> {
  assertCan(user, 'appointments.write');
  const { status } = parseInput(appointmentStatusChangeSchema, input);

  return db().$transaction(async (tx) => {
    const existing = await tx.appointment.findFirst({
      where: { AND: [{ id }, appointmentWhereForUser(user)] },
      select: { id: true, patientId: true, status: true, startsAt: true },
    });
    if (!existing) throw new AppError('NOT_FOUND', APPOINTMENT_NOT_FOUND);
    if (existing.status === 'CANCELLED') {
      throw new AppError('CONFLICT', 'This appointment was cancelled. Book a new appointment instead.');
    }
    if ((status === 'COMPLETED' || status === 'NO_SHOW') && existing.startsAt.getTime() > Date.now()) {
      const message = 'An appointment can be marked completed or a no-show only once it has started.';
      throw new AppError('INVALID_INPUT', message, { fieldErrors: { status: [message] } });
    }
    if (existing.status === status) return { id, changed: false };

    await tx.appointment.update({ where: { id }, data: { status } });
    await recordChange(tx, user, 'UPDATE', {
      type: 'Appointment',
      id,
      patientId: existing.patientId,
      detail: { operation: 'status', fields: ['status'] },
    });
    return { id, changed: true };
  });
}
