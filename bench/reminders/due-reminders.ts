// Reminders due now (or over a window) for a bench round: the rows, by raw SQL
// for speed, and their send jobs.
import { db } from '@/lib/db/client';
import { createBoss, queueOptions } from '@/lib/jobs/boss';
import { sendReminderQueue } from '@/lib/jobs/reminder-queues';
import { forgetReminderConfig } from '@/lib/reminders/templates/get-reminder-config';

const CONTENT_SID = `HX${'be0c'.repeat(8)}`;
/** The mobile of seeded patient `i` (as the seed's SQL writes it). */
export const mobile = (i: number) => `+614${String(i).padStart(8, '0')}`;

/** Rows for `n` due reminders: one clinic, one clinician, a patient and appointment each. Raw SQL: fast. */
export async function seedDueReminders(n: number, firstIndex: number): Promise<void> {
  const clinic = await db().clinic.upsert({
    where: { id: 'bench-clinic' },
    create: { id: 'bench-clinic', name: 'Bench Clinic', contactPhone: '02 9000 0000' },
    update: {},
  });
  await db().reminderTemplate.upsert({
    where: { clinicId_kind: { clinicId: clinic.id, kind: 'IN_PERSON' } },
    create: {
      clinicId: clinic.id,
      kind: 'IN_PERSON',
      smsBody: '{clinic}: appointment {date} at {time}. Reply C to confirm, R to reschedule. {optout}',
      whatsappContentSid: CONTENT_SID,
    },
    update: {},
  });
  forgetReminderConfig();
  await db().$executeRaw`
    INSERT INTO "User" (id, "clinicId", email, name, role, "passwordHash", "updatedAt")
    VALUES ('bench-user', ${clinic.id}, 'bench@bench.example', 'Bench Clinician', 'CLINICIAN', 'x', now())
    ON CONFLICT DO NOTHING`;
  await db().$executeRaw`
    INSERT INTO "Clinician" (id, "userId", "givenName", "familyName", "updatedAt")
    VALUES ('bench-clinician', 'bench-user', 'Bench', 'Clinician', now()) ON CONFLICT DO NOTHING`;
  await db().$executeRaw`
    INSERT INTO "Patient" (id, "clinicId", "givenName", "familyName", mobile, "messagingConsentAt",
                           "messagingConsentMethod", "whatsappConsent", "updatedAt")
    SELECT 'bp' || i, ${clinic.id}, 'Bench', 'Patient' || i, '+614' || lpad(i::text, 8, '0'), now(), 'VERBAL', true, now()
    FROM generate_series(${firstIndex}::int, ${firstIndex + n - 1}::int) AS i`;
  await db().$executeRaw`
    INSERT INTO "Appointment" (id, "clinicianId", "patientId", "startsAt", "endsAt", kind, status, "updatedAt")
    SELECT 'ba' || i, 'bench-clinician', 'bp' || i, now() + interval '3 hours' + (i || ' minutes')::interval,
           now() + interval '4 hours' + (i || ' minutes')::interval, 'IN_PERSON', 'BOOKED', now()
    FROM generate_series(${firstIndex}::int, ${firstIndex + n - 1}::int) AS i`;
  await db().$executeRaw`
    INSERT INTO "Reminder" (id, "appointmentId", "patientId", source, "offsetMinutes", "requestedAt", "dueAt", status, "updatedAt")
    SELECT 'br' || i, 'ba' || i, 'bp' || i, 'STAFF', 180, now(), now(), 'SCHEDULED', now()
    FROM generate_series(${firstIndex}::int, ${firstIndex + n - 1}::int) AS i`;
}

/** One send job per reminder, queued before any worker starts (at `dueAt(i)` when given). */
export async function enqueueSendJobs(
  url: string,
  n: number,
  firstIndex: number,
  dueAt?: (i: number) => Date,
): Promise<void> {
  const boss = createBoss(url, { sendOnly: true });
  await boss.start();
  await boss.createQueue(sendReminderQueue.name, queueOptions(sendReminderQueue));
  for (let start = 0; start < n; start += 1000) {
    const jobs = Array.from({ length: Math.min(1000, n - start) }, (_, k) => ({
      data: { reminderId: `br${firstIndex + start + k}` },
      ...(dueAt
        ? { startAfter: dueAt(firstIndex + start + k), singletonKey: `br${firstIndex + start + k}` }
        : {}),
    }));
    await boss.insert(sendReminderQueue.name, jobs);
  }
  await boss.stop({ graceful: false, timeout: 2000 });
}
