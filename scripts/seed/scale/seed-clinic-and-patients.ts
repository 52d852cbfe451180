// The scale clinic, its staff and clinicians, its reminder policy and its patients.
import 'server-only';

import { SCALE_OFFSETS, TIME_ZONE, type ScaleContext } from './scale-context';
import { scaleNames } from './scale-names';

/** The clinic, its users (all sharing `passwordHash`), clinicians, reminder settings and patients. */
export async function seedClinicAndPatients(
  { step, tag, clinicId, receptionUserId, nowIso, P, C }: ScaleContext,
  passwordHash: string,
): Promise<void> {
  const { given, family } = scaleNames();
  await step(
    'Clinic',
    `INSERT INTO "Clinic" (id, name, timezone, "contactPhone", "createdAt", "updatedAt")
     VALUES ($1, 'Scale Psychology', $2, '+61255501234', $3::timestamp - interval '5 years', $3::timestamp)`,
    [clinicId, TIME_ZONE, nowIso],
  );
  await step(
    'User',
    `INSERT INTO "User" (id, "clinicId", email, name, role, "passwordHash", "createdAt", "updatedAt")
     SELECT $1::text || 'usr_' || u.key, $2, u.key || '.' || $1::text || '@scale.example.test', u.name, u.role::"UserRole", $3,
            $4::timestamp - interval '5 years', $4::timestamp
     FROM (VALUES ('admin', 'Scale Admin', 'ADMIN'), ('staff1', 'Reception One', 'STAFF'),
                  ('staff2', 'Reception Two', 'STAFF'), ('staff3', 'Reception Three', 'STAFF')) AS u(key, name, role)
     UNION ALL
     SELECT $1::text || 'usr_c' || c, $2, 'clinician' || c || '.' || $1::text || '@scale.example.test',
            'Clinician ' || c, 'CLINICIAN', $3, $4::timestamp - interval '5 years', $4::timestamp
     FROM generate_series(1, ${C}) c`,
    [tag, clinicId, passwordHash, nowIso],
  );
  await step(
    'Clinician',
    `INSERT INTO "Clinician" (id, "userId", "givenName", "familyName", title, timezone, "createdAt", "updatedAt")
     SELECT $1::text || 'cln' || c, $1::text || 'usr_c' || c, ($2::text[])[1 + (c * 5) % cardinality($2::text[])],
            ($3::text[])[1 + (c * 11) % cardinality($3::text[])], 'Dr', $4, $5::timestamp - interval '5 years', $5::timestamp
     FROM generate_series(1, ${C}) c`,
    [tag, given, family, TIME_ZONE, nowIso],
  );
  await step(
    'ReminderSettings',
    `INSERT INTO "ReminderSettings" ("clinicId", "offsetsMinutes", "updatedAt") VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING`,
    [clinicId, SCALE_OFFSETS, nowIso],
  );

  // Patients: most in Sydney's zone, 60% prefer WhatsApp, 90% consented.
  await step(
    'Patient',
    `INSERT INTO "Patient" (id, "clinicId", "givenName", "familyName", "preferredName", "dateOfBirth", email, mobile,
       timezone, "preferredChannel", "messagingConsentAt", "messagingConsentMethod", "messagingConsentById",
       "whatsappConsent", "smsOptOutAt", "archivedAt", "createdAt", "updatedAt")
     SELECT $1::text || 'pat' || i, $2, ($3::text[])[1 + (i * 7) % cardinality($3::text[])],
            ($4::text[])[1 + ((i * 13) + i / 97) % cardinality($4::text[])],
            CASE WHEN i % 17 = 0 THEN ($3::text[])[1 + (i * 3) % cardinality($3::text[])] END,
            date '1950-01-01' + (i * 7919) % 20000,
            CASE WHEN i % 3 <> 0 THEN 'patient' || i || '.' || $1::text || '@example.test' END,
            '+6149157' || lpad(((i * 37) % 10000)::text, 4, '0'),
            CASE WHEN i % 20 = 0 THEN 'Australia/Perth' WHEN i % 20 = 1 THEN 'Australia/Brisbane' ELSE $5 END,
            (CASE WHEN i % 10 < 6 THEN 'WHATSAPP' ELSE 'SMS' END)::"MessageChannel",
            CASE WHEN i % 10 <> 9 THEN created END,
            (CASE WHEN i % 10 <> 9 THEN 'WRITTEN' END)::"ConsentMethod",
            CASE WHEN i % 10 <> 9 THEN $6 END,
            i % 10 < 6, CASE WHEN i % 113 = 0 THEN $7::timestamp - interval '30 days' END,
            CASE WHEN i % 211 = 0 THEN $7::timestamp - interval '60 days' END, created, created
     FROM (SELECT i, $7::timestamp - (interval '1 day' * ((i * 104729) % 1825)) AS created
           FROM generate_series(1, ${P}) i) g`,
    [tag, clinicId, given, family, TIME_ZONE, receptionUserId, nowIso],
  );
}
