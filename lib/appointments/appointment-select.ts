// The columns every appointment read returns, matching appointmentSchema.
import 'server-only';

import type { SessionUser } from '@/lib/auth/session-user';
import { appointmentScope } from '@/lib/auth/guards';
import type { Prisma } from '@/lib/db/generated/client';

export const appointmentSelect = {
  id: true,
  startsAt: true,
  endsAt: true,
  kind: true,
  status: true,
  cancelledAt: true,
  cancelReason: true,
  clinician: { select: { id: true, givenName: true, familyName: true, title: true } },
  patient: { select: { id: true, givenName: true, familyName: true, preferredName: true } },
} as const satisfies Prisma.AppointmentSelect;

/**
 * The appointments a user may see, as a where clause: their clinic only, and
 * for a clinician only their own. Every appointment query starts from this.
 */
export function appointmentWhereForUser(user: SessionUser): Prisma.AppointmentWhereInput {
  const { clinicianId } = appointmentScope(user);
  return {
    patient: { clinicId: user.clinicId },
    clinician: { user: { clinicId: user.clinicId } },
    ...(clinicianId ? { clinicianId } : {}),
  };
}
