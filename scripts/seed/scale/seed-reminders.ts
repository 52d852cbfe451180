// Reminders for the planned appointments, with their messages, status
// callbacks, timelines and patients' replies.
import 'server-only';

import { SCALE_OFFSETS, type ScaleContext } from './scale-context';

/** Plans the reminders into `sc_rem` (dropped at commit) and inserts them and all that hangs off them. */
export async function seedReminders({ step, tag, clinicId, nowIso }: ScaleContext): Promise<void> {
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
}
