// Video sessions for past telehealth appointments, with their rooms,
// participants, join links, waiting room and room events.
import 'server-only';

import type { ScaleContext } from './scale-context';

/** Sessions for past telehealth that took place or where the patient never came. */
export async function seedVideo({ step, tag, receptionUserId, nowIso }: ScaleContext): Promise<void> {
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
}
