// Loads the demo data into an empty database. Refuses to touch a database
// that already has a clinic unless asked to reset it.
import 'server-only';

import { hashPassword } from '@/lib/auth/password';
import type { Db } from '@/lib/db/client';

import {
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  demoClinic,
  demoPatients,
  demoUsers,
  planAppointments,
} from './demo-data';

export type SeedResult = {
  seeded: boolean;
  clinicId: string;
  appointments: number;
  nextTelehealthId: string | null;
};

export async function seedDatabase(db: Db, now = new Date()): Promise<SeedResult> {
  const existing = await db.clinic.findFirst();
  if (existing) {
    // Already loaded: still name the next telehealth appointment, so every start can print a join link.
    const next = await db.appointment.findFirst({
      where: {
        kind: 'TELEHEALTH',
        status: { in: ['BOOKED', 'CONFIRMED'] },
        endsAt: { gt: now },
        patient: { clinicId: existing.id },
      },
      orderBy: { startsAt: 'asc' },
      select: { id: true },
    });
    return { seeded: false, clinicId: existing.id, appointments: 0, nextTelehealthId: next?.id ?? null };
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.$transaction(
    async (tx) => {
      const clinic = await tx.clinic.create({ data: demoClinic });
      const clinicianIds: string[] = [];
      let receptionId = '';
      for (const u of demoUsers) {
        const user = await tx.user.create({
          data: {
            clinicId: clinic.id,
            email: u.email,
            name: u.name,
            role: u.role,
            passwordHash,
            totpSecret: u.mfa ? DEMO_TOTP_SECRET : null,
            totpEnabledAt: u.mfa ? now : null,
            ...('clinician' in u ? { clinician: { create: u.clinician } } : {}),
          },
          include: { clinician: true },
        });
        if (user.clinician) clinicianIds.push(user.clinician.id);
        if (u.role === 'STAFF') receptionId = user.id;
      }
      const patientIds: string[] = [];
      for (const [i, p] of demoPatients.entries()) {
        const consented = i % 4 !== 3; // a few patients have not consented yet
        const patient = await tx.patient.create({
          data: {
            clinicId: clinic.id,
            givenName: p.givenName,
            familyName: p.familyName,
            mobile: p.mobile,
            timezone: p.timezone,
            preferredChannel: p.channel,
            dateOfBirth: new Date(Date.UTC(1970 + i * 3, i % 12, 1 + i)),
            messagingConsentAt: consented ? now : null,
            messagingConsentMethod: consented ? 'WRITTEN' : null,
            messagingConsentById: consented ? receptionId : null,
            whatsappConsent: consented && p.channel === 'WHATSAPP',
          },
        });
        patientIds.push(patient.id);
      }
      const planned = planAppointments(now, clinic.timezone);
      let nextTelehealthId: string | null = null;
      for (const a of planned) {
        const appointment = await tx.appointment.create({
          data: {
            clinicianId: clinicianIds[a.clinicianIndex]!,
            patientId: patientIds[a.patientIndex]!,
            startsAt: a.startsAt,
            endsAt: a.endsAt,
            kind: a.kind,
            status: a.status,
            createdById: receptionId,
          },
        });
        if (!nextTelehealthId && a.kind === 'TELEHEALTH' && a.startsAt > now)
          nextTelehealthId = appointment.id;
      }
      return { seeded: true, clinicId: clinic.id, appointments: planned.length, nextTelehealthId };
    },
    { timeout: 60_000 },
  );
}
