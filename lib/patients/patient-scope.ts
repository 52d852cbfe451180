// Which patients a user may see: everyone in their clinic for staff and
// admins; for a clinician, only patients they have an appointment with.
import 'server-only';

import { appointmentScope } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import type { Prisma } from '@/lib/db/generated/client';

export function patientScope(user: SessionUser): Prisma.PatientWhereInput {
  const { clinicianId } = appointmentScope(user);
  return {
    clinicId: user.clinicId,
    ...(clinicianId ? { appointments: { some: { clinicianId } } } : {}),
  };
}
