// A patient's reply to a reminder (Twilio's inbound message webhook), acted on
// once per MessageSid:
//   C / YES            → confirms the appointment the last reminder to that
//                        number was about (YES on SMS also re-subscribes, as
//                        Twilio does);
//   R                  → asks to reschedule: flagged for staff;
//   STOP and the other standard keywords → opts the number out of that
//                        channel; START / UNSTOP opts it back in;
//   HELP / INFO        → answered with the clinic's contact details;
//   anything else      → waits for staff on the reminders page.
// Returns the text to answer with (TwiML), or null for no answer. Answers
// carry no clinical detail and no name.
import 'server-only';

import { recordAudit } from '@/lib/audit/record-audit';
import { db } from '@/lib/db/client';
import type { MessageChannel, ReplyIntent } from '@/lib/db/generated/enums';
import { reminderTemplateValues } from '@/lib/reminders/templates/render-template';
import type { InboundMessageWebhook } from '@/lib/schemas/twilio-webhooks';
import { DEFAULT_CLINIC_TIME_ZONE, isValidTimeZone } from '@/lib/time/clinic-time';

import { isTwilioOptInKeyword, parseReplyKeyword } from './parse-reply-keyword';
import { recordOptOut } from './record-opt-out';

export interface InboundResult {
  intent: ReplyIntent;
  /** What to answer with, or null. */
  reply: string | null;
  duplicate: boolean;
}

// The patient a reply is from, and the clinic details an answer may give.
const replyPatientSelect = {
  id: true,
  clinicId: true,
  timezone: true,
  clinic: { select: { name: true, contactPhone: true, contactEmail: true } },
} as const;

// How far back a reminder counts as "the one they are replying to".
const REPLY_WINDOW_MS = 14 * 24 * 60 * 60 * 1000;

export async function handleInboundReply(
  message: InboundMessageWebhook,
  now = new Date(),
): Promise<InboundResult> {
  const { MessageSid: sid, From: from, Body: body, OptOutType: optOutType } = message;

  const existing = await db().inboundReply.findUnique({
    where: { messageSid: sid },
    select: { intent: true },
  });
  if (existing) return { intent: existing.intent, reply: null, duplicate: true };

  const channel: MessageChannel = from.startsWith('whatsapp:') ? 'WHATSAPP' : 'SMS';
  const e164 = from.replace(/^[a-z]+:/, '');
  const { intent, keyword } = parseReplyKeyword(body, optOutType);

  // The reminder this answers: the last one we sent to this address (this channel first).
  const lastMessage =
    (await lastReminderMessageTo(from, now)) ??
    (await lastReminderMessageTo(channel === 'SMS' ? `whatsapp:${e164}` : e164, now));
  const patient =
    lastMessage?.reminder.appointment.patient ??
    (await db().patient.findFirst({
      where: { mobile: e164, archivedAt: null },
      orderBy: { updatedAt: 'desc' },
      select: replyPatientSelect,
    }));
  const appointment = lastMessage?.reminder.appointment ?? null;
  const clinic = patient?.clinic ?? null;

  let reply: string | null = null;
  let needsAttention = false;

  switch (intent) {
    case 'CONFIRM': {
      if (
        appointment &&
        (appointment.status === 'BOOKED' || appointment.status === 'CONFIRMED') &&
        appointment.startsAt > now
      ) {
        const { count } = await db().appointment.updateMany({
          where: { id: appointment.id, status: 'BOOKED' },
          data: { status: 'CONFIRMED' },
        });
        if (count === 1) {
          await recordAudit({
            actor: null,
            action: 'UPDATE',
            entityType: 'Appointment',
            entityId: appointment.id,
            patientId: appointment.patientId,
            // No staff member acted: the patient confirmed, by replying to a message.
            detail: { operation: 'confirm-by-reply', by: 'patient', channel, fields: ['status'] },
          });
        }
        const zone =
          patient && isValidTimeZone(patient.timezone) ? patient.timezone : DEFAULT_CLINIC_TIME_ZONE;
        const v = reminderTemplateValues({
          clinicName: clinic?.name ?? '',
          clinicPhone: null,
          startsAt: appointment.startsAt,
          timeZone: zone,
          joinUrl: null,
        });
        reply = `Thanks, your appointment on ${v.date} at ${v.time} is confirmed.`;
      } else {
        needsAttention = true;
        reply =
          'Thanks. We could not match your reply to an upcoming appointment; the clinic will be in touch.';
      }
      if (channel === 'SMS' && isTwilioOptInKeyword(keyword)) {
        await recordOptOut({ e164, channel, optedOut: false, source: 'REPLY', at: now });
      }
      break;
    }
    case 'RESCHEDULE':
      needsAttention = true;
      reply = 'Thanks, the clinic will contact you to arrange a new time.';
      break;
    case 'OPT_OUT':
      await recordOptOut({ e164, channel, optedOut: true, source: 'REPLY', at: now });
      // CANCEL opts out at Twilio; the patient may also have meant the appointment.
      needsAttention = keyword === 'CANCEL';
      // Twilio answers STOP on SMS itself (and blocks anything more); WhatsApp needs our own confirmation.
      reply =
        channel === 'WHATSAPP'
          ? `You will not get more WhatsApp messages from ${clinic?.name ?? 'the clinic'}. Reply START to get them again.`
          : null;
      break;
    case 'OPT_IN':
      await recordOptOut({ e164, channel, optedOut: false, source: 'REPLY', at: now });
      reply =
        channel === 'WHATSAPP'
          ? 'You will get appointment messages on WhatsApp again. Reply STOP to opt out.'
          : null;
      break;
    case 'HELP': {
      const contact = [
        clinic?.contactPhone ? `call ${clinic.contactPhone}` : null,
        clinic?.contactEmail ? `email ${clinic.contactEmail}` : null,
      ]
        .filter(Boolean)
        .join(' or ');
      reply = `${clinic?.name ?? 'Appointment reminders'}: ${contact ? `for help, ${contact}.` : 'for help, contact the clinic.'} Reply STOP to opt out.`;
      break;
    }
    case 'UNKNOWN':
      needsAttention = true;
      break;
  }

  const stored = await db().inboundReply.createMany({
    data: [
      {
        messageSid: sid,
        channel,
        fromAddress: from,
        clinicId: patient?.clinicId ?? null,
        patientId: patient?.id ?? null,
        appointmentId: appointment?.id ?? null,
        reminderId: lastMessage?.reminderId ?? null,
        intent,
        keyword,
        body,
        needsAttention,
        receivedAt: now,
      },
    ],
    skipDuplicates: true,
  });
  // A concurrent delivery of the same webhook stored it first: act once, answer once.
  if (stored.count === 0) return { intent, reply: null, duplicate: true };
  if (lastMessage) {
    await db().reminderEvent.create({
      data: { reminderId: lastMessage.reminderId, type: 'REPLIED', channel, detail: intent, at: now },
    });
  }
  return { intent, reply, duplicate: false };
}

async function lastReminderMessageTo(address: string, now: Date) {
  return db().reminderMessage.findFirst({
    where: {
      toAddress: address,
      twilioSid: { not: null },
      acceptedAt: { gte: new Date(now.getTime() - REPLY_WINDOW_MS) },
    },
    orderBy: { acceptedAt: 'desc' },
    select: {
      reminderId: true,
      reminder: {
        select: {
          appointment: {
            select: {
              id: true,
              status: true,
              startsAt: true,
              patientId: true,
              patient: { select: replyPatientSelect },
            },
          },
        },
      },
    },
  });
}
