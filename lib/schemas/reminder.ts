// Reminder inputs (staff forms, admin settings) and the shapes pages receive.
// Client-safe: no server imports.
import { z } from 'zod';

import { isValidTimeString } from '@/lib/time/clinic-time';

/** The longest SMS template an admin may save (render-template checks the same). */
export const TEMPLATE_MAX_LENGTH = 600;

export const REMINDER_STATUSES = [
  'SCHEDULED',
  'SENDING',
  'SENT',
  'DELIVERED',
  'FAILED',
  'CANCELLED',
  'SKIPPED',
] as const;
export type ReminderStatusValue = (typeof REMINDER_STATUSES)[number];

export const reminderStatusLabels: Record<ReminderStatusValue, string> = {
  SCHEDULED: 'Scheduled',
  SENDING: 'Sending',
  SENT: 'Sent',
  DELIVERED: 'Delivered',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
  SKIPPED: 'Skipped',
};

export const reminderSourceLabels = {
  POLICY: 'Clinic policy',
  STAFF: 'Added by staff',
  RESEND: 'Resent by staff',
  JOIN_LINK: 'Join link sent by staff',
  CHANGE_NOTICE: 'Change notice',
} as const;

/** A staff member picks a time (in the clinic's timezone; the action converts it). */
export const reminderTimeSchema = z.object({
  sendAt: z.date({ error: 'Choose the date and time to send it.' }),
});

const hhmm = z.string().trim().refine(isValidTimeString, { error: 'Enter a time as HH:MM, e.g. 20:00.' });

export const MAX_POLICY_OFFSETS = 4;
// Twilio's WhatsApp templates and the patient's memory both stop making sense beyond two weeks.
export const MAX_OFFSET_MINUTES = 14 * 24 * 60;

/** The clinic's policy as the admin form sends it: offsets as "24, 2" hours (decimals allowed). */
export const reminderSettingsSchema = z.object({
  offsetsHours: z
    .string()
    .trim()
    .transform((text, ctx) => {
      const parts = text
        .split(/[,\s]+/)
        .map((p) => p.trim())
        .filter(Boolean);
      const minutes: number[] = [];
      for (const part of parts) {
        const hours = Number(part);
        if (!Number.isFinite(hours) || hours <= 0) {
          ctx.addIssue({ code: 'custom', message: `"${part}" is not a number of hours above zero.` });
          return z.NEVER;
        }
        const m = Math.round(hours * 60);
        if (m < 15 || m > MAX_OFFSET_MINUTES) {
          ctx.addIssue({
            code: 'custom',
            message: 'Each reminder must be between 15 minutes and 14 days before.',
          });
          return z.NEVER;
        }
        if (!minutes.includes(m)) minutes.push(m);
      }
      if (minutes.length > MAX_POLICY_OFFSETS) {
        ctx.addIssue({ code: 'custom', message: `At most ${MAX_POLICY_OFFSETS} reminders per appointment.` });
        return z.NEVER;
      }
      return minutes.sort((a, b) => b - a);
    }),
  quietStart: hhmm,
  quietEnd: hhmm,
  whatsappEnabled: z
    .union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false'), z.literal('')])
    .nullish()
    .transform((v) => v === true || v === 'on' || v === 'true'),
});
export type ReminderSettingsInput = z.input<typeof reminderSettingsSchema>;

export const CONTENT_SID_RE = /^HX[0-9a-fA-F]{32}$/;

export const reminderTemplateSchema = z.object({
  kind: z.enum(['TELEHEALTH', 'IN_PERSON'], { error: 'Choose the kind of appointment.' }),
  smsBody: z
    .string()
    .trim()
    .min(1, { error: 'Write the message text.' })
    .max(TEMPLATE_MAX_LENGTH, { error: `Keep the text to ${TEMPLATE_MAX_LENGTH} characters or fewer.` }),
  whatsappContentSid: z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || CONTENT_SID_RE.test(v), {
      error:
        'A ContentSid is "HX" followed by 32 letters and digits, from the Twilio Console’s Content Template Builder.',
    }),
});
export type ReminderTemplateInput = z.input<typeof reminderTemplateSchema>;

/** A change notice's template: which notice (moved or cancelled), for which kind of appointment. */
export const changeNoticeTemplateSchema = reminderTemplateSchema.extend({
  notice: z.enum(['MOVED', 'CANCELLED'], { error: 'Choose the kind of notice.' }),
});
export type ChangeNoticeTemplateInput = z.input<typeof changeNoticeTemplateSchema>;

export const reminderListFiltersSchema = z.object({
  status: z
    .enum([...REMINDER_STATUSES, 'ALL', 'UPCOMING'])
    .catch('UPCOMING')
    .default('UPCOMING'),
  // SMS_ONLY: SMS was the only channel; FALLBACK: SMS after WhatsApp failed.
  channel: z.enum(['ANY', 'WHATSAPP', 'SMS', 'SMS_ONLY', 'FALLBACK']).catch('ANY').default('ANY'),
  from: z.string().trim().catch('').default(''),
  to: z.string().trim().catch('').default(''),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});
export type ReminderListFilters = z.output<typeof reminderListFiltersSchema>;
