// Clinic-scale data (issue 13 point 7): five years of a 20-clinician clinic,
// for benchmarks and for trying the portal at size. At scale 1: about 20,000
// patients, 100,000 appointments, 400,000 reminders, 400,000 messages and their
// events, video sessions with room events for past telehealth, audit entries.
//
// Written with set-based SQL (INSERT … SELECT generate_series) on one pg
// connection: a few statements rather than millions of Prisma calls. Rows get
// readable ids (<tag>pat17, <tag>apt42…) so later statements join by number.
// Names come from a generated syllable list; mobiles are in ACMA's range for
// fiction (0491 570 000–0491 579 999); emails are at example.test.
import 'server-only';

import pg from 'pg';

import { hashPassword } from '@/lib/auth/password';

export type ScaleOptions = {
  /** 1 = the full clinic; 0.1 for a quick run. */
  scale: number;
  /** Add to a database that already holds a clinic. */
  force?: boolean;
  now?: Date;
  log?: (line: string) => void;
  /** The clinicians' password (all staff of the scale clinic share it). */
  password?: string;
};

export type ScaleResult = {
  clinicId: string;
  tag: string;
  adminUserId: string;
  receptionUserId: string;
  clinicianUserIds: string[];
  counts: Record<string, number>;
  seconds: number;
};

export const SCALE_FULL = { patients: 20_000, appointments: 100_000, clinicians: 20, years: 5 } as const;
/** Minutes before the start: a week, two days, a day and two hours. */
export const SCALE_OFFSETS = [10_080, 2_880, 1_440, 120];
const TIME_ZONE = 'Australia/Sydney';

const GIVEN_A = [
  'Ari',
  'Bel',
  'Cal',
  'Dar',
  'Elo',
  'Fen',
  'Gil',
  'Hal',
  'Ivo',
  'Jun',
  'Kel',
  'Lor',
  'Mae',
  'Nor',
];
const GIVEN_B = ['a', 'en', 'ie', 'o', 'is', 'an', 'y'];
const FAMILY_A = [
  'Ash',
  'Birch',
  'Cobb',
  'Dun',
  'Elm',
  'Fern',
  'Gale',
  'Holl',
  'Ivers',
  'Jarr',
  'Kest',
  'Lark',
];
const FAMILY_B = ['wood', 'ford', 'ley', 'ton', 'well', 'by', 'combe', 'field', 'more'];

/** A generated list of invented names (no real person's name list is used). */
export function scaleNames(): { given: string[]; family: string[] } {
  return {
    given: GIVEN_A.flatMap((a) => GIVEN_B.map((b) => a + b)),
    family: FAMILY_A.flatMap((a) => FAMILY_B.map((b) => a + b)),
  };
}

export class ScaleSeedRefused extends Error {}

export async function seedScale(databaseUrl: string, options: ScaleOptions): Promise<ScaleResult> {
  const scale = options.scale;
  if (!(scale > 0 && scale <= 10)) throw new ScaleSeedRefused('The scale must be above 0 and at most 10.');
  const log = options.log ?? (() => {});
  const now = options.now ?? new Date();
  const P = Math.max(10, Math.round(SCALE_FULL.patients * scale));
  const A = Math.max(20, Math.round(SCALE_FULL.appointments * scale));
  const C = SCALE_FULL.clinicians;
  const tag = `s${now.getTime().toString(36)}`;
  const started = performance.now();

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const counts: Record<string, number> = {};
  const step = async (name: string, sql: string, params: unknown[] = []) => {
    const t = performance.now();
    const res = await client.query(sql, params);
    const rows = res.rowCount ?? 0;
    counts[name] = (counts[name] ?? 0) + rows;
    log(
      `  ${name.padEnd(22)} ${String(rows).padStart(9)} rows  ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  };
  try {
    const existing = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM "Clinic"');
    if ((existing.rows[0]?.n ?? 0) > 0 && !options.force) {
      throw new ScaleSeedRefused(
        'This database already holds a clinic: scale data is for an empty one (pass --force to add a second clinic).',
      );
    }
    const passwordHash = await hashPassword(options.password ?? `scale-${crypto.randomUUID()}`);
    const { given, family } = scaleNames();
    const clinicId = `${tag}clinic`;
    const adminUserId = `${tag}usr_admin`;
    const receptionUserId = `${tag}usr_staff1`;
    const nowIso = now.toISOString();

    await client.query('BEGIN');
    // Bulk load: losing it in a crash costs a re-run, not data.
    await client.query('SET LOCAL synchronous_commit = off');
    await client.query('SELECT setseed(0.1307)');

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

    // Appointment slots: every weekday of five years plus four weeks ahead, 9 to 5
    // on the clinic's clock, for each clinician; A of them chosen at random.
    await step(
      'plan appointments',
      `CREATE TEMP TABLE sc_appt ON COMMIT DROP AS
       SELECT n, clinician_n, patient_n, starts_at, starts_at + interval '50 minutes' AS ends_at,
              (CASE WHEN rk < 0.4 THEN 'TELEHEALTH' ELSE 'IN_PERSON' END)::"AppointmentKind" AS kind,
              (CASE WHEN starts_at < $1::timestamp THEN
                 CASE WHEN rs < 0.07 THEN 'CANCELLED' WHEN rs < 0.11 THEN 'NO_SHOW' ELSE 'COMPLETED' END
               ELSE CASE WHEN rs < 0.05 THEN 'CANCELLED' WHEN rs < 0.5 THEN 'CONFIRMED' ELSE 'BOOKED' END
               END)::"AppointmentStatus" AS status
       FROM (SELECT row_number() OVER () AS n, clinician_n,
                    -- A few patients come often, most a handful of times.
                    1 + least(${P - 1}, floor(${P} * power(random(), 1.5))::int) AS patient_n,
                    ((day + hour * interval '1 hour') AT TIME ZONE $2) AT TIME ZONE 'UTC' AS starts_at,
                    random() AS rk, random() AS rs
             FROM (SELECT c AS clinician_n, d::date AS day, h AS hour
                   FROM generate_series(1, ${C}) c,
                        generate_series(($1::timestamp - interval '${SCALE_FULL.years} years')::date,
                                        ($1::timestamp + interval '28 days')::date, interval '1 day') d,
                        generate_series(9, 16) h
                   WHERE extract(isodow FROM d) < 6
                   ORDER BY random() LIMIT ${A}) slots) a`,
      [nowIso, TIME_ZONE],
    );
    await client.query('CREATE INDEX ON sc_appt (n)');
    await step(
      'Appointment',
      `INSERT INTO "Appointment" (id, "clinicianId", "patientId", "startsAt", "endsAt", kind, status, "cancelledAt",
         "cancelReason", "createdById", "createdAt", "updatedAt")
       SELECT $1::text || 'apt' || n, $1::text || 'cln' || clinician_n, $1::text || 'pat' || patient_n, starts_at, ends_at, kind, status,
              CASE WHEN status = 'CANCELLED' THEN starts_at - interval '3 days' END,
              CASE WHEN status = 'CANCELLED' THEN 'Patient asked to cancel' END,
              $2, starts_at - interval '21 days', starts_at
       FROM sc_appt`,
      [tag, receptionUserId],
    );

    // Reminders: one per policy offset. Cancelled before it was due: CANCELLED;
    // due in the future: SCHEDULED; no consent: SKIPPED; else sent, mostly delivered.
    await step(
      'plan reminders',
      `CREATE TEMP TABLE sc_rem ON COMMIT DROP AS
       SELECT r.*,
              (CASE WHEN r.appt_status = 'CANCELLED' AND r.due_at > r.starts_at - interval '3 days' THEN 'CANCELLED'
                    WHEN r.due_at > $2::timestamp THEN 'SCHEDULED'
                    WHEN NOT r.consented THEN 'SKIPPED'
                    WHEN r.ro < 0.88 THEN 'DELIVERED' WHEN r.ro < 0.96 THEN 'SENT' ELSE 'FAILED' END)::"ReminderStatus"
                AS status,
              r.wa AND random() < 0.3 AS fallback
       FROM (SELECT $1::text || 'rem' || a.n || '_' || k AS id, a.n AS appt_n, a.patient_n, a.starts_at, a.status AS appt_status,
                    o.off AS offset_minutes, a.starts_at - o.off * interval '1 minute' AS due_at, k,
                    p."messagingConsentAt" IS NOT NULL AS consented,
                    p."preferredChannel" = 'WHATSAPP' AND p."whatsappConsent" AS wa, p.mobile, random() AS ro
             FROM sc_appt a
             CROSS JOIN unnest($3::int[]) WITH ORDINALITY AS o(off, k)
             JOIN "Patient" p ON p.id = $1::text || 'pat' || a.patient_n) r`,
      [tag, nowIso, SCALE_OFFSETS],
    );
    await step(
      'Reminder',
      `INSERT INTO "Reminder" (id, "appointmentId", "patientId", source, "offsetMinutes", "requestedAt", "dueAt", status,
         reason, "errorCode", "sentAt", "deliveredAt", "cancelledAt", "createdAt", "updatedAt")
       SELECT id, $1::text || 'apt' || appt_n, $1::text || 'pat' || patient_n, 'POLICY', offset_minutes, due_at, due_at, status,
              CASE status WHEN 'SKIPPED' THEN 'NO_CONSENT' WHEN 'CANCELLED' THEN 'APPOINTMENT_CANCELLED'
                          WHEN 'FAILED' THEN 'SEND_FAILED' END,
              CASE WHEN status = 'FAILED' THEN 30003 END,
              CASE WHEN status IN ('SENT', 'DELIVERED', 'FAILED') THEN due_at + interval '2 seconds' END,
              CASE WHEN status = 'DELIVERED' THEN due_at + interval '9 seconds' END,
              CASE WHEN status = 'CANCELLED' THEN starts_at - interval '3 days' END,
              starts_at - interval '21 days', greatest(due_at, starts_at - interval '21 days')
       FROM sc_rem`,
      [tag],
    );

    // Messages: the first channel (WhatsApp when consented and preferred, else SMS),
    // and for about 30% of WhatsApp reminders a failed WhatsApp then an SMS fallback.
    const msgSelect = `
       SELECT id || ch.suffix AS mid, id AS reminder_id, ch.channel::"MessageChannel" AS channel, ch.is_fallback,
              ch.fallback_reason, CASE WHEN ch.channel = 'WHATSAPP' THEN 'whatsapp:' || mobile ELSE mobile END AS to_address,
              CASE WHEN ch.channel = 'WHATSAPP' THEN 'whatsapp:+61491570000' ELSE '+61491570000' END AS from_address,
              due_at + ch.delay AS claimed_at,
              (CASE WHEN ch.wa_failed THEN 'FAILED'
                    WHEN status = 'DELIVERED' AND ch.channel = 'WHATSAPP' AND k % 2 = 0 THEN 'READ'
                    WHEN status = 'DELIVERED' THEN 'DELIVERED' WHEN status = 'SENT' THEN 'SENT'
                    ELSE 'UNDELIVERED' END)::"ReminderMessageStatus" AS mstatus
       FROM sc_rem
       CROSS JOIN LATERAL (VALUES
         ('_m1', CASE WHEN wa THEN 'WHATSAPP' ELSE 'SMS' END, false,
          CASE WHEN wa THEN NULL ELSE 'NO_WHATSAPP_CONSENT' END, interval '0 seconds', wa AND fallback),
         ('_m2', 'SMS', true, 'WHATSAPP_FAILED', interval '4 seconds', false)
       ) AS ch(suffix, channel, is_fallback, fallback_reason, delay, wa_failed)
       WHERE status IN ('SENT', 'DELIVERED', 'FAILED') AND (ch.suffix = '_m1' OR fallback)`;
    await step(
      'ReminderMessage',
      `INSERT INTO "ReminderMessage" (id, "reminderId", channel, status, "statusRank", "isFallback", "fallbackReason",
         "toAddress", "fromAddress", "bodyHash", "claimToken", "claimedAt", attempts, "twilioSid", "errorCode", segments,
         "acceptedAt", "deliveredAt", "failedAt", "updatedAt")
       SELECT mid, reminder_id, channel, mstatus,
              CASE mstatus WHEN 'READ' THEN 50 WHEN 'SENT' THEN 20 ELSE 40 END, is_fallback, fallback_reason,
              to_address, from_address, CASE WHEN channel = 'SMS' THEN md5(mid) END, md5(mid || 'claim'), claimed_at, 1,
              'SM' || md5(mid), CASE mstatus WHEN 'FAILED' THEN 63016 WHEN 'UNDELIVERED' THEN 30003 END,
              CASE WHEN channel = 'SMS' THEN 1 + (ascii(right(mid, 3)) % 2) END,
              claimed_at + interval '1 second',
              CASE WHEN mstatus IN ('DELIVERED', 'READ') THEN claimed_at + interval '7 seconds' END,
              CASE WHEN mstatus IN ('FAILED', 'UNDELIVERED') THEN claimed_at + interval '3 seconds' END,
              claimed_at + interval '7 seconds'
       FROM (${msgSelect}) m`,
    );
    await step(
      'MessageStatusEvent',
      `INSERT INTO "MessageStatusEvent" (id, "dedupeKey", "messageSid", status, "errorCode", "receivedAt")
       SELECT m.id || '_e', m."twilioSid" || ':' || lower(m.status::text), m."twilioSid", lower(m.status::text),
              m."errorCode", m."updatedAt"
       FROM "ReminderMessage" m JOIN sc_rem r ON r.id = m."reminderId"`,
    );
    await step(
      'ReminderEvent',
      `INSERT INTO "ReminderEvent" (id, "reminderId", at, type, channel, "errorCode", detail)
       SELECT id || '_e1', id, starts_at - interval '21 days', 'SCHEDULED', NULL, NULL, NULL FROM sc_rem
       UNION ALL
       SELECT id || '_e2', id, coalesce(due_at, starts_at), status::text,
              CASE WHEN status IN ('SENT', 'DELIVERED', 'FAILED')
                   THEN (CASE WHEN wa AND NOT fallback THEN 'WHATSAPP' ELSE 'SMS' END)::"MessageChannel" END,
              CASE WHEN status = 'FAILED' THEN 30003 END,
              CASE status WHEN 'SKIPPED' THEN 'NO_CONSENT' WHEN 'CANCELLED' THEN 'APPOINTMENT_CANCELLED' END
       FROM sc_rem WHERE status <> 'SCHEDULED'`,
    );
    await step(
      'InboundReply',
      `INSERT INTO "InboundReply" (id, "messageSid", channel, "fromAddress", "clinicId", "patientId", "appointmentId",
         "reminderId", intent, keyword, body, "needsAttention", "handledAt", "receivedAt")
       SELECT id || '_in', 'SM' || md5(id || 'in'), (CASE WHEN wa THEN 'WHATSAPP' ELSE 'SMS' END)::"MessageChannel",
              CASE WHEN wa THEN 'whatsapp:' || mobile ELSE mobile END, $2, $1::text || 'pat' || patient_n, $1::text || 'apt' || appt_n,
              id, (CASE WHEN ro < 0.08 THEN 'CONFIRM' ELSE 'UNKNOWN' END)::"ReplyIntent",
              CASE WHEN ro < 0.08 THEN 'YES' END, CASE WHEN ro < 0.08 THEN 'Yes' ELSE 'Can I ring about parking?' END,
              ro >= 0.08, CASE WHEN ro >= 0.08 AND due_at < $3::timestamp - interval '14 days' THEN due_at + interval '2 hours' END,
              due_at + interval '20 minutes'
       FROM sc_rem WHERE status = 'DELIVERED' AND offset_minutes = 1440 AND ro < 0.09`,
      [tag, clinicId, nowIso],
    );

    // Video: past telehealth that took place (completed) or where the patient
    // never came (no-show) gets a session, a room, its participants and events.
    await step(
      'VideoSession',
      `INSERT INTO "VideoSession" (id, "appointmentId", "patientConsentAt", "patientLocation", "patientSeconds",
         "clinicianSeconds", "jointSeconds", "medicareTimeBand", "patientVideoPublished", "audioOnly", attendance,
         "attendanceComputedAt", "attendanceEventCount", "createdAt", "updatedAt")
       SELECT $1::text || 'vs' || n, $1::text || 'apt' || n,
              CASE WHEN attended THEN starts_at - interval '3 minutes' END,
              (CASE WHEN attended THEN 'IN_AUSTRALIA' END)::"PatientLocation",
              CASE WHEN attended THEN secs END, 3000, CASE WHEN attended THEN secs - 30 ELSE 0 END,
              (CASE WHEN NOT attended THEN NULL WHEN secs < 1200 THEN 'UNDER_20_MIN' WHEN secs < 3000 THEN 'FROM_20_UNDER_50_MIN'
                    ELSE 'FROM_50_MIN' END)::"MedicareTimeBand",
              CASE WHEN attended THEN n % 25 <> 0 END, CASE WHEN attended THEN n % 25 = 0 END,
              jsonb_build_object('participants', jsonb_build_array(
                jsonb_build_object('role', 'CLINICIAN', 'intervals', jsonb_build_array(jsonb_build_object(
                  'joinedAt', to_char(starts_at, 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                  'leftAt', to_char(starts_at + interval '50 minutes', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')))),
                jsonb_build_object('role', 'PATIENT', 'intervals', CASE WHEN attended THEN jsonb_build_array(jsonb_build_object(
                  'joinedAt', to_char(starts_at + interval '30 seconds', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                  'leftAt', to_char(starts_at + interval '30 seconds' + secs * interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')))
                  ELSE '[]'::jsonb END))),
              ends_at + interval '1 minute', CASE WHEN attended THEN 6 ELSE 4 END, starts_at - interval '21 days', ends_at
       FROM (SELECT n, starts_at, ends_at, status = 'COMPLETED' AS attended, 900 + (n * 7919) % 2400 AS secs
             FROM sc_appt WHERE kind = 'TELEHEALTH' AND status IN ('COMPLETED', 'NO_SHOW') AND ends_at < $2::timestamp) v`,
      [tag, nowIso],
    );
    await step(
      'VideoRoom',
      `INSERT INTO "VideoRoom" (id, "sessionId", generation, "uniqueName", "twilioRoomSid", status, "mediaRegion",
         "maxParticipants", "claimedAt", "startedAt", "endedAt", "verifiedAt", "durationSeconds", "participantSeconds",
         "participantMinutes", "createdAt", "updatedAt")
       SELECT s.id || '_r1', s.id, 1, md5(s.id || 'room'), 'RM' || md5(s.id), 'COMPLETED', 'au1', 4,
              a."startsAt" - interval '2 minutes', a."startsAt" - interval '2 minutes', a."endsAt", a."endsAt", 3120,
              3000 + coalesce(s."patientSeconds", 0), 50 + ceil(coalesce(s."patientSeconds", 0) / 60.0)::int,
              a."startsAt" - interval '2 minutes', a."endsAt"
       FROM "VideoSession" s JOIN "Appointment" a ON a.id = s."appointmentId" WHERE s.id LIKE $1::text || 'vs%'`,
      [tag],
    );
    await step(
      'VideoParticipant',
      `INSERT INTO "VideoParticipant" (id, "sessionId", role, identity, "principalKey", "userId", "createdAt")
       SELECT s.id || '_p' || r.k, s.id, r.role::"VideoParticipantRole", lower(r.role) || ':' || md5(s.id || r.k),
              CASE WHEN r.k = 1 THEN 'patient' ELSE 'clinician:' || c."userId" END,
              CASE WHEN r.k = 2 THEN c."userId" END, s."createdAt"
       FROM "VideoSession" s JOIN "Appointment" a ON a.id = s."appointmentId" JOIN "Clinician" c ON c.id = a."clinicianId"
       CROSS JOIN (VALUES (1, 'PATIENT'), (2, 'CLINICIAN')) AS r(k, role)
       WHERE s.id LIKE $1::text || 'vs%'`,
      [tag],
    );
    await step(
      'JoinLink',
      `INSERT INTO "JoinLink" (id, "sessionId", "createdById", "lastUsedAt", "firstOpenedAt", "createdAt")
       SELECT s.id || '_j1', s.id, $2, s."patientConsentAt", s."patientConsentAt", s."createdAt"
       FROM "VideoSession" s WHERE s.id LIKE $1::text || 'vs%'`,
      [tag, receptionUserId],
    );
    await step(
      'WaitingRoomEntry',
      `INSERT INTO "WaitingRoomEntry" (id, "sessionId", status, "waitingSince", "admittedAt", "admittedById", "leftAt", "updatedAt")
       SELECT s.id || '_w', s.id, 'ADMITTED', s."patientConsentAt", s."patientConsentAt" + interval '2 minutes',
              c."userId", a."endsAt", a."endsAt"
       FROM "VideoSession" s JOIN "Appointment" a ON a.id = s."appointmentId" JOIN "Clinician" c ON c.id = a."clinicianId"
       WHERE s.id LIKE $1::text || 'vs%' AND s."patientConsentAt" IS NOT NULL`,
      [tag],
    );
    await step(
      'WaitingRoomReply',
      `INSERT INTO "WaitingRoomReply" (id, "sessionId", "joinLinkId", reply, "createdAt")
       SELECT s.id || '_q', s.id, s.id || '_j1',
              (CASE WHEN ascii(right(s.id, 1)) % 3 = 0 THEN 'RUNNING_LATE' WHEN ascii(right(s.id, 1)) % 3 = 1
                    THEN 'CAMERA_NOT_WORKING' ELSE 'WILL_PHONE' END)::"QuickReply", s."patientConsentAt" + interval '1 minute'
       FROM "VideoSession" s WHERE s.id LIKE $1::text || 'vs%' AND s."patientConsentAt" IS NOT NULL AND md5(s.id) < '08'`,
      [tag],
    );
    // Six callbacks per room: created, two connects, two disconnects, ended.
    await step(
      'VideoRoomEvent',
      `INSERT INTO "VideoRoomEvent" (id, "dedupeKey", "roomSid", event, "sequenceNumber", "occurredAt", "roomStatus",
         "roomDuration", "participantSid", "participantIdentity", "participantStatus", "participantDuration", "receivedAt")
       SELECT r.id || '_ev' || e.k, r."twilioRoomSid" || ':' || e.event || ':' || e.k, r."twilioRoomSid", e.event, e.k,
              r."startedAt" + e.at, CASE WHEN e.event = 'room-ended' THEN 'completed' ELSE 'in-progress' END,
              CASE WHEN e.event = 'room-ended' THEN 3120 END,
              CASE WHEN e.who IS NOT NULL THEN 'PA' || md5(r.id || e.who) END,
              CASE WHEN e.who IS NOT NULL THEN lower(e.who) || ':' || md5(r."sessionId" || CASE e.who WHEN 'PATIENT' THEN 1 ELSE 2 END) END,
              CASE WHEN e.event = 'participant-connected' THEN 'connected' WHEN e.event = 'participant-disconnected'
                   THEN 'disconnected' END,
              CASE WHEN e.event = 'participant-disconnected' THEN 2900 END, r."startedAt" + e.at + interval '1 second'
       FROM "VideoRoom" r JOIN "VideoSession" s ON s.id = r."sessionId"
       CROSS JOIN (VALUES (0, 'room-created', NULL, interval '0'), (1, 'participant-connected', 'CLINICIAN', interval '1 minute'),
                          (2, 'participant-connected', 'PATIENT', interval '3 minutes'),
                          (3, 'participant-disconnected', 'PATIENT', interval '50 minutes'),
                          (4, 'participant-disconnected', 'CLINICIAN', interval '51 minutes'),
                          (5, 'room-ended', NULL, interval '52 minutes')) AS e(k, event, who, at)
       WHERE r.id LIKE $1::text || 'vs%' AND (e.who IS DISTINCT FROM 'PATIENT' OR s."patientConsentAt" IS NOT NULL)`,
      [tag],
    );

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
    await client.query('COMMIT');
    log('  analysing tables…');
    await client.query('ANALYZE');
    const seconds = (performance.now() - started) / 1000;
    return {
      clinicId,
      tag,
      adminUserId,
      receptionUserId,
      clinicianUserIds: Array.from({ length: C }, (_, i) => `${tag}usr_c${i + 1}`),
      counts,
      seconds,
    };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
}
