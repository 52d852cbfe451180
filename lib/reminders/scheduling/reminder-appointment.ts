// The appointment facts reminder planning needs, and the patient's timezone
// (falling back to the clinic's when the row holds something unusable).
import 'server-only';

import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { isValidTimeZone } from '@/lib/time/clinic-time';

export const reminderAppointmentSelect = {
  id: true,
  startsAt: true,
  status: true,
  kind: true,
  patientId: true,
  patient: { select: { clinicId: true, timezone: true } },
} as const satisfies Prisma.AppointmentSelect;

export type ReminderAppointment = Prisma.AppointmentGetPayload<{ select: typeof reminderAppointmentSelect }>;

// Checking a zone builds an Intl formatter: remembered, as a worker asks thousands of times.
const validZones = new Map<string, boolean>();

export function patientTimeZone(patientZone: string | null | undefined, clinicZone: string): string {
  if (!patientZone) return clinicZone;
  let valid = validZones.get(patientZone);
  if (valid === undefined) {
    valid = isValidTimeZone(patientZone);
    if (validZones.size < 1000) validZones.set(patientZone, valid);
  }
  return valid ? patientZone : clinicZone;
}

export async function loadReminderAppointment(
  where: Prisma.AppointmentWhereInput,
): Promise<ReminderAppointment | null> {
  return db().appointment.findFirst({ where, select: reminderAppointmentSelect });
}
