// Which appointments a user may see, as a Prisma where clause. Authorization, so it lives with
// the guards: appointments, patients and reminders all start their appointment reads from it.
import 'server-only';

import type { Prisma } from '@/lib/db/generated/client';

import { appointmentScope } from './guards';
import type { SessionUser } from './session-user';

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
