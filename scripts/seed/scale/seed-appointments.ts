// Five years of appointments, planned into a temporary table that the later
// parts of the seed read (reminders, video, audit).
import 'server-only';

import { SCALE_FULL, TIME_ZONE, type ScaleContext } from './scale-context';

/** Plans the appointments into `sc_appt` (dropped at commit) and inserts them. */
export async function seedAppointments({
  client,
  step,
  tag,
  receptionUserId,
  nowIso,
  P,
  A,
  C,
}: ScaleContext): Promise<void> {
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
}
