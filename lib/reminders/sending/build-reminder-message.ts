// The message for one reminder on one channel: the SMS text from the admin's
// template, or the WhatsApp Content template and its variables. Also the
// SHA-256 of the SMS text, which the claim keeps so the message can be
// recognised at Twilio after a crash without storing the text (it holds the
// join link).
import 'server-only';

import { createHash } from 'node:crypto';

import type { OutboundMessage } from '@/lib/twilio/send-message';

import type { Channel } from './choose-channels';
import type { ReminderConfig } from '../templates/get-reminder-config';
import { getJoinUrl } from './get-join-url';
import {
  reminderTemplateValues,
  renderTemplate,
  whatsappContentVariables,
  type NoticeKind,
  type ReminderKind,
} from '../templates/render-template';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export async function buildReminderMessage(input: {
  channel: Channel;
  to: string;
  from: string;
  statusCallback: string;
  appointment: { id: string; startsAt: Date; kind: ReminderKind };
  timeZone: string;
  config: ReminderConfig;
  joinUrl?: (appointmentId: string) => Promise<string>;
  /** A change notice: what it tells (its startsAt is the time it tells of). */
  notice?: NoticeKind | null;
}): Promise<{ message: OutboundMessage; bodyHash: string | null }> {
  const { appointment, config, channel } = input;
  const notice = input.notice ?? null;
  const template = notice
    ? config.noticeTemplates[notice][appointment.kind]
    : config.templates[appointment.kind];
  // A moved telehealth appointment keeps its link (the same one: never replaced here); a cancelled one has none.
  const joinUrl =
    appointment.kind === 'TELEHEALTH' && notice !== 'CANCELLED'
      ? await (input.joinUrl ?? getJoinUrl)(appointment.id)
      : null;
  const values = reminderTemplateValues({
    clinicName: config.clinicName,
    clinicPhone: config.clinicPhone,
    startsAt: appointment.startsAt,
    timeZone: input.timeZone,
    joinUrl,
  });
  if (channel === 'WHATSAPP') {
    if (!template.whatsappContentSid)
      throw new Error('No WhatsApp template: the channel plan should have excluded WhatsApp');
    return {
      message: {
        channel,
        to: input.to,
        from: input.from,
        contentSid: template.whatsappContentSid,
        contentVariables: whatsappContentVariables(values, appointment.kind, notice),
        statusCallback: input.statusCallback,
      },
      bodyHash: null,
    };
  }
  const body = renderTemplate(template.smsBody, values);
  return {
    message: { channel, to: input.to, from: input.from, body, statusCallback: input.statusCallback },
    bodyHash: sha256Hex(body),
  };
}
