// Audit entries for what the seed created, as staff doing it would have left them.
import 'server-only';

import type { ScaleContext } from './scale-context';

/** Audit entries for the patients and appointments created. */
export async function seedAudit({ step, tag, clinicId, receptionUserId }: ScaleContext): Promise<void> {
  // Audit: each patient and appointment created, consent recorded, and one
  // READ of the patient's record per appointment that took place.
  await step(
    'AuditLog',
    `INSERT INTO "AuditLog" (id, at, "actorId", "actorRole", action, "entityType", "entityId", "patientId", outcome, detail)
     SELECT id || '_a1', "createdAt", $2, 'STAFF'::"UserRole", 'CREATE'::"AuditAction", 'Patient', id, id, 'SUCCESS'::"AuditOutcome",
            '{"fields":["givenName","familyName","mobile"]}'::jsonb
     FROM "Patient" WHERE "clinicId" = $3
     UNION ALL
     SELECT id || '_a2', "createdAt" + interval '1 minute', $2, 'STAFF'::"UserRole", 'UPDATE'::"AuditAction", 'Patient', id, id, 'SUCCESS'::"AuditOutcome",
            '{"operation":"consent","fields":["messagingConsentAt","messagingConsentMethod","whatsappConsent"]}'::jsonb
     FROM "Patient" WHERE "clinicId" = $3 AND "messagingConsentAt" IS NOT NULL
     UNION ALL
     SELECT $1::text || 'apt' || n || '_a1', starts_at - interval '21 days', $2, 'STAFF'::"UserRole", 'CREATE'::"AuditAction", 'Appointment',
            $1::text || 'apt' || n, $1::text || 'pat' || patient_n, 'SUCCESS'::"AuditOutcome", '{"fields":["startsAt","kind"]}'::jsonb
     FROM sc_appt
     UNION ALL
     SELECT $1::text || 'apt' || n || '_a2', starts_at + interval '5 minutes', $1::text || 'usr_c' || clinician_n, 'CLINICIAN'::"UserRole", 'READ'::"AuditAction",
            'Patient', $1::text || 'pat' || patient_n, $1::text || 'pat' || patient_n, 'SUCCESS'::"AuditOutcome", '{"kind":"history","count":20}'::jsonb
     FROM sc_appt WHERE status = 'COMPLETED'`,
    [tag, receptionUserId, clinicId],
  );
}
