// Books an appointment. Refuses: a start in the past, an end before the
// start, more than four hours, a patient or clinician from outside the
// clinic, and any overlap with the clinician's other bookings.
import 'server-only';

import { recordChange } from '@/lib/audit/record-change';
import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import {
  createAppointmentSchema,
  SLOT_MESSAGES,
  type CreateAppointmentInput,
} from '@/lib/schemas/appointment';
import { remindersAfterBooking } from '@/lib/reminders/scheduling/appointment-hooks';
import { parseInput } from '@/lib/schemas/parse-input';
import { getClinicTimeZone } from '@/lib/time/get-clinic-time-zone';

import { assertNoClash, lockClinicianSchedule } from './schedule-clash';

export async function createAppointment(
  user: SessionUser,
  input: CreateAppointmentInput,
): Promise<{ id: string }> {
  assertCan(user, 'appointments.write');
  const values = parseInput(createAppointmentSchema, input);
  if (values.startsAt.getTime() < Date.now()) {
    throw new AppError('INVALID_INPUT', SLOT_MESSAGES.inPast, {
      fieldErrors: { startsAt: [SLOT_MESSAGES.inPast] },
    });
  }
  const timeZone = await getClinicTimeZone(user.clinicId);

  const appointment = await db().$transaction(async (tx) => {
    const [patient, clinician] = await Promise.all([
      tx.patient.findFirst({
        where: { id: values.patientId, clinicId: user.clinicId, archivedAt: null },
        select: { id: true },
      }),
      tx.clinician.findFirst({
        where: { id: values.clinicianId, user: { clinicId: user.clinicId, active: true } },
        select: { id: true },
      }),
    ]);
    const fieldErrors: Record<string, string[]> = {};
    if (!patient) fieldErrors.patientId = ['Choose a patient from the list.'];
    if (!clinician) fieldErrors.clinicianId = ['Choose a clinician from the list.'];
    if (Object.keys(fieldErrors).length)
      throw new AppError('INVALID_INPUT', 'Some details need fixing.', { fieldErrors });

    await lockClinicianSchedule(tx, values.clinicianId);
    await assertNoClash(tx, values, timeZone);

    const created = await tx.appointment.create({
      data: {
        clinicianId: values.clinicianId,
        patientId: values.patientId,
        startsAt: values.startsAt,
        endsAt: values.endsAt,
        kind: values.kind,
        status: 'BOOKED',
        createdById: user.id,
      },
      select: { id: true, patientId: true },
    });
    await recordChange(tx, user, 'CREATE', {
      type: 'Appointment',
      id: created.id,
      patientId: created.patientId,
      detail: { fields: ['clinicianId', 'patientId', 'startsAt', 'endsAt', 'kind', 'status'] },
    });
    return created;
  });

  // Hooks for a new booking (reminders, video room) belong here, after the commit.
  await remindersAfterBooking(appointment.id, user.id);
  return { id: appointment.id };
}
