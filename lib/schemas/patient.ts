// Patient input and output shapes. Input schemas validate what a form (or any
// caller) sends and produce clean values; output schemas are allowlists: a
// page or action can only carry the fields listed here.
import { z } from 'zod';

import { parseMobile } from '@/lib/phone/parse-mobile';
import { isValidDateString, isValidTimeZone } from '@/lib/time/clinic-time';

import { CONSENT_METHODS, MESSAGE_CHANNELS, patientFormFields } from './patient-options';

export * from './patient-options';

const NAME_MAX = 100;
const EMAIL_MAX = 254;

// Accepts the strings a form sends and the plain values a direct caller passes.
const trimmed = z.string({ error: 'Enter text here.' }).trim();
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} must be ${max} characters or fewer.` })
    .nullish()
    .transform((v) => (v ? v : null));

const requiredName = (label: string) =>
  trimmed
    .min(1, { error: `Enter the ${label.toLowerCase()}.` })
    .max(NAME_MAX, { error: `${label} must be ${NAME_MAX} characters or fewer.` });

const checkbox = z
  .union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false'), z.literal('')])
  .nullish()
  .transform((v) => v === true || v === 'on' || v === 'true');

const dateOfBirth = z
  .union([z.string().trim(), z.date()])
  .nullish()
  .transform((v, ctx): Date | null => {
    if (v === null || v === undefined || v === '') return null;
    const text = v instanceof Date ? v.toISOString().slice(0, 10) : v;
    if (!isValidDateString(text)) {
      ctx.addIssue({
        code: 'custom',
        message: 'Enter a real date of birth (day, month and year), or leave it empty.',
      });
      return z.NEVER;
    }
    const date = new Date(`${text}T00:00:00.000Z`);
    if (date.getTime() > Date.now()) {
      ctx.addIssue({ code: 'custom', message: 'The date of birth cannot be in the future.' });
      return z.NEVER;
    }
    return date;
  });

const email = z
  .string()
  .trim()
  .max(EMAIL_MAX, { error: `The email address must be ${EMAIL_MAX} characters or fewer.` })
  .nullish()
  .transform((v, ctx): string | null => {
    if (!v) return null;
    if (!z.email().safeParse(v).success) {
      ctx.addIssue({
        code: 'custom',
        message: 'Enter an email address like name@example.com, or leave it empty.',
      });
      return z.NEVER;
    }
    return v.toLowerCase();
  });

export const MOBILE_INPUT_MAX = 40;

const mobile = z
  .string({ error: 'Enter a mobile number.' })
  .max(MOBILE_INPUT_MAX, { error: `A mobile number has at most ${MOBILE_INPUT_MAX} characters.` })
  .transform((v, ctx) => {
    const result = parseMobile(v);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.message });
      return z.NEVER;
    }
    return result.e164;
  });

const timezone = z
  .string({ error: 'Choose a timezone.' })
  .trim()
  .refine(isValidTimeZone, { error: 'Choose a timezone from the list.' });

/** What creating or editing a patient accepts (form strings or plain values). */
export const patientInputSchema = z
  .object({
    givenName: requiredName('Given name'),
    familyName: requiredName('Family name'),
    preferredName: optionalText(NAME_MAX, 'Preferred name'),
    dateOfBirth,
    email,
    mobile,
    timezone,
    preferredChannel: z.enum(MESSAGE_CHANNELS, { error: 'Choose WhatsApp or SMS.' }),
    messagingConsent: checkbox,
    consentMethod: z
      .union([z.enum(CONSENT_METHODS), z.literal('')], { error: 'Choose how consent was given.' })
      .nullish()
      .transform((v) => (v ? v : null)),
    whatsappConsent: checkbox,
    smsOptOut: checkbox,
    whatsappOptOut: checkbox,
  })
  // Runs even when other fields failed, so every problem is reported in one go.
  .superRefine(
    (v, ctx) => {
      if (v.messagingConsent === true && !v.consentMethod) {
        ctx.addIssue({
          code: 'custom',
          path: ['consentMethod'],
          message: 'Choose how the patient gave consent.',
        });
      }
      if (v.whatsappConsent === true && v.messagingConsent !== true) {
        ctx.addIssue({
          code: 'custom',
          path: ['whatsappConsent'],
          message: 'Record consent to appointment messages first; WhatsApp consent adds to it.',
        });
      }
    },
    { when: () => true },
  );

export type PatientInput = z.input<typeof patientInputSchema>;
export type PatientValues = z.output<typeof patientInputSchema>;

// Compile-time check: every form field is an input of the schema.
const _everyFormFieldIsAnInput: readonly (keyof PatientInput)[] = patientFormFields;

export const patientSearchSchema = z.object({
  q: z.string().trim().max(100).catch('').default(''),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

// ── Output shapes ───────────────────────────────────────────────────────────

export const patientListItemSchema = z.object({
  id: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  preferredName: z.string().nullable(),
  dateOfBirth: z.date().nullable(),
  mobile: z.string(),
});
export type PatientListItem = z.output<typeof patientListItemSchema>;

export const patientSchema = patientListItemSchema.extend({
  email: z.string().nullable(),
  timezone: z.string(),
  preferredChannel: z.enum(MESSAGE_CHANNELS),
  messagingConsentAt: z.date().nullable(),
  messagingConsentMethod: z.enum(CONSENT_METHODS).nullable(),
  messagingConsentBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  whatsappConsent: z.boolean(),
  whatsappOptOutAt: z.date().nullable(),
  smsOptOutAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Patient = z.output<typeof patientSchema>;
