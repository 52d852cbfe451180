// The columns every appointment read returns, matching appointmentSchema.
import 'server-only';

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
