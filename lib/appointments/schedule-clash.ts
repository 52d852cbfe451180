// Shared by create-appointment and reschedule-appointment: one clinician
// cannot be booked twice at once. A transaction-scoped advisory lock per
// clinician serialises the check and the write, so two receptionists booking
// the same slot at the same moment cannot both succeed.
import 'server-only';

import type { Prisma } from '@/lib/db/generated/client';
import { clinicianScheduleLock } from '@/lib/db/queries/locks';
import { runStatement } from '@/lib/db/queries/run-query';
import { AppError } from '@/lib/errors/app-error';
import { ACTIVE_STATUSES, clinicianDisplayName } from '@/lib/schemas/appointment';
import { formatLongDate, formatTime } from '@/lib/time/clinic-time';

type Tx = Prisma.TransactionClient;

export async function lockClinicianSchedule(tx: Tx, clinicianId: string): Promise<void> {
  await runStatement(tx, clinicianScheduleLock, [`appointment-schedule:${clinicianId}`]);
}

/** Throws CONFLICT naming the clashing time (never the patient) if the slot is taken. */
export async function assertNoClash(
  tx: Tx,
  slot: { clinicianId: string; startsAt: Date; endsAt: Date; excludeAppointmentId?: string },
  timeZone: string,
): Promise<void> {
  const clash = await tx.appointment.findFirst({
    where: {
      clinicianId: slot.clinicianId,
      status: { in: [...ACTIVE_STATUSES] },
      startsAt: { lt: slot.endsAt },
      endsAt: { gt: slot.startsAt },
      ...(slot.excludeAppointmentId ? { id: { not: slot.excludeAppointmentId } } : {}),
    },
    orderBy: { startsAt: 'asc' },
    select: {
      startsAt: true,
      endsAt: true,
      clinician: { select: { givenName: true, familyName: true, title: true } },
    },
  });
  if (!clash) return;

  const message = `${clinicianDisplayName(clash.clinician)} already has an appointment from ${formatTime(clash.startsAt, timeZone)} to ${formatTime(clash.endsAt, timeZone)} on ${formatLongDate(clash.startsAt, timeZone)}. Choose a time that does not overlap.`;
  throw new AppError('CONFLICT', message, { fieldErrors: { startsAt: [message] } });
}
