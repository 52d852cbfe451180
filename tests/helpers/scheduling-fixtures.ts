// Rows for the patients and appointments integration tests: a clinic, users of
// each role (with a Clinician row for clinicians) and patients, plus the
// SessionUser each user would have when signed in.
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import type { AppointmentKind, AppointmentStatus, UserRole } from '@/lib/db/generated/enums';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function createClinic(timezone = 'Australia/Sydney') {
  return db().clinic.create({ data: { name: `Test clinic ${unique()}`, timezone } });
}

export async function createUser(
  clinicId: string,
  role: UserRole,
  name = `${role.toLowerCase()} ${unique()}`,
): Promise<SessionUser> {
  const [givenName = 'Test', familyName = 'Person'] = name.split(' ');
  const user = await db().user.create({
    data: {
      clinicId,
      email: `${role.toLowerCase()}.${unique()}@example.test`,
      name,
      role,
      passwordHash: 'not-a-real-hash',
      ...(role === 'CLINICIAN' ? { clinician: { create: { givenName, familyName, title: 'Dr' } } } : {}),
    },
    include: { clinician: { select: { id: true } } },
  });
  return {
    id: user.id,
    clinicId,
    role: user.role,
    name: user.name,
    email: user.email,
    clinicianId: user.clinician?.id ?? null,
    sessionId: `test-session-${unique()}`,
  };
}

export async function createPatientRow(
  clinicId: string,
  overrides: { givenName?: string; familyName?: string; mobile?: string } = {},
) {
  return db().patient.create({
    data: {
      clinicId,
      givenName: overrides.givenName ?? 'Pat',
      familyName: overrides.familyName ?? `Tester${unique()}`,
      mobile: overrides.mobile ?? '+61491570156',
    },
  });
}

/** A whole-minute instant `days` from now at the given UTC hour (always in the future for days ≥ 1). */
export function daysFromNow(days: number, utcHour = 0, minute = 0): Date {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(utcHour, minute, 0, 0);
  return d;
}

export const minutes = (n: number) => n * 60_000;

/** A 50-minute appointment row written straight to the table: booked, in person, three hours from now unless said. */
export async function createAppointmentRow(
  clinicianId: string,
  patientId: string,
  options: { startsAt?: Date; kind?: AppointmentKind; status?: AppointmentStatus } = {},
) {
  const startsAt = options.startsAt ?? new Date(Date.now() + 3 * 3600_000);
  return db().appointment.create({
    data: {
      clinicianId,
      patientId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 50 * 60_000),
      kind: options.kind ?? 'IN_PERSON',
      status: options.status ?? 'BOOKED',
    },
  });
}
