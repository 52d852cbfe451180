// Appointments in a time range, a clinic day or a Monday-to-Sunday week. The
// clinician scope is part of the query itself: a clinician's list can only
// ever hold their own appointments, whatever filter is asked for.
import 'server-only';

import { recordAudit } from '@/lib/audit/record-audit';
import { appointmentScope, assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { appointmentSchema, type Appointment } from '@/lib/schemas/appointment';
import { dayBounds, weekBounds, type Range } from '@/lib/time/clinic-time';

import { appointmentWhereForUser } from '@/lib/auth/appointment-scope';

import { appointmentSelect } from './appointment-select';

export type ListAppointmentsParams = {
  /** Appointments starting in [from, to). */
  from: Date;
  to?: Date;
  /** A staff member's filter; ignored for clinicians, who always get their own. */
  clinicianId?: string;
  patientId?: string;
  includeCancelled?: boolean;
  limit?: number;
};

const MAX_ROWS = 500;

export async function listAppointments(
  user: SessionUser,
  params: ListAppointmentsParams,
): Promise<Appointment[]> {
  assertCan(user, 'appointments.read');
  const scope = appointmentScope(user);
  const clinicianId = scope.clinicianId ?? params.clinicianId;

  const where: Prisma.AppointmentWhereInput = {
    AND: [
      appointmentWhereForUser(user),
      { startsAt: { gte: params.from, ...(params.to ? { lt: params.to } : {}) } },
      clinicianId ? { clinicianId } : {},
      params.patientId ? { patientId: params.patientId } : {},
      params.includeCancelled === false ? { status: { not: 'CANCELLED' } } : {},
    ],
  };
  const rows = await db().appointment.findMany({
    where,
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: Math.min(params.limit ?? MAX_ROWS, MAX_ROWS),
    select: appointmentSelect,
  });

  // The list shows patient names: one READ entry with the count, no names.
  await recordAudit({
    actor: { id: user.id, role: user.role },
    action: 'READ',
    entityType: 'Appointment',
    patientId: params.patientId ?? null,
    detail: { kind: 'list', count: rows.length },
  });
  return rows.map((row) => appointmentSchema.parse(row));
}

export type CalendarView = 'day' | 'week';

/** The UTC range a day or week view covers, in the clinic's timezone. */
export function viewRange(view: CalendarView, date: string, timeZone: string): Range & { days: string[] } {
  if (view === 'week') return weekBounds(date, timeZone);
  return { ...dayBounds(date, timeZone), days: [date] };
}

export async function listAppointmentsForView(
  user: SessionUser,
  params: { view: CalendarView; date: string; timeZone: string; clinicianId?: string },
): Promise<{ range: Range & { days: string[] }; appointments: Appointment[] }> {
  const range = viewRange(params.view, params.date, params.timeZone);
  const appointments = await listAppointments(user, {
    from: range.start,
    to: range.end,
    clinicianId: params.clinicianId,
  });
  return { range, appointments };
}
