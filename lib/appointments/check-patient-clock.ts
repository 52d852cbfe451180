// The warning for a slot outside 7:00–21:00 on the patient's clock, when booking
// and when moving an appointment. The form must send back the token for this
// patient and this start to go ahead anyway, so a changed time or patient is
// asked about again.
import 'server-only';

import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { appointmentScope } from '@/lib/auth/guards';
import { patientScope } from '@/lib/patients/patient-scope';
import { isValidTimeZone } from '@/lib/time/clinic-time';

import { patientClockQuestion, patientClockWarning } from './patient-clock';

export type PatientClockCheck = { question: string; token: string };

export function patientClockToken(patientId: string, startsAt: Date, endsAt: Date): string {
  return `${patientId}@${startsAt.toISOString()}/${endsAt.toISOString()}`;
}

export async function checkPatientClock(
  user: SessionUser,
  slot: { patientId: string; startsAt: Date; endsAt: Date },
  action: 'book' | 'move' = 'book',
): Promise<PatientClockCheck | null> {
  const patient = await db().patient.findFirst({
    where: { AND: [{ id: slot.patientId }, patientScope(user)] },
    select: { givenName: true, preferredName: true, timezone: true },
  });
  // An unknown patient is refused by createAppointment with its own message.
  if (!patient || !isValidTimeZone(patient.timezone)) return null;
  const warning = patientClockWarning(slot.startsAt, slot.endsAt, patient.timezone);
  if (!warning) return null;
  return {
    question: patientClockQuestion(warning, patient.preferredName || patient.givenName, action),
    token: patientClockToken(slot.patientId, slot.startsAt, slot.endsAt),
  };
}

/** The same question for moving an appointment: its patient, the new slot. */
export async function checkRescheduleClock(
  user: SessionUser,
  appointmentId: string,
  slot: { startsAt: Date; endsAt: Date },
): Promise<PatientClockCheck | null> {
  const appointment = await db().appointment.findFirst({
    where: { id: appointmentId, patient: { clinicId: user.clinicId }, ...appointmentScope(user) },
    select: { patientId: true },
  });
  // An appointment the user cannot see is refused by rescheduleAppointment with its own message.
  if (!appointment) return null;
  return checkPatientClock(user, { patientId: appointment.patientId, ...slot }, 'move');
}
