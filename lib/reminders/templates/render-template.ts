// Reminder text from the admin's template. Pure and client-safe: the admin
// page's live preview renders with the same function the worker sends with.
//
// Templates can only use the placeholders below, and none of them carries a
// name, a clinician or anything clinical: whatever an admin writes, the only
// patient-specific facts a message can hold are the appointment's date and time
// and (telehealth) the join link. A phone can be shared or change hands.
import { TEMPLATE_MAX_LENGTH } from '@/lib/schemas/reminder';
import { formatInTimeZone } from '@/lib/time/clinic-time';


export const TEMPLATE_PLACEHOLDERS = ['clinic', 'date', 'time', 'link', 'phone', 'optout'] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];
export type TemplateValues = Record<TemplatePlaceholder, string>;

export const placeholderHelp: Record<TemplatePlaceholder, string> = {
  clinic: "the clinic's name",
  date: 'the appointment day, e.g. Tue 3 Mar (patient’s timezone)',
  time: 'the appointment time with its zone, e.g. 10:30 am AEDT (patient’s timezone)',
  link: 'the telehealth join link (telehealth only)',
  phone: "the clinic's phone number",
  optout: 'how to stop these messages (required)',
};

export type ReminderKind = 'TELEHEALTH' | 'IN_PERSON';

/** Used until an admin saves templates of their own. */
export const DEFAULT_SMS_TEMPLATES: Record<ReminderKind, string> = {
  TELEHEALTH:
    '{clinic}: telehealth appointment {date} at {time}. Join: {link} Reply C to confirm, R to reschedule. {optout}',
  IN_PERSON: '{clinic}: appointment {date} at {time}. Reply C to confirm, R to reschedule. {optout}',
};

/** What a change notice tells: the appointment moved, or was cancelled. */
export type NoticeKind = 'MOVED' | 'CANCELLED';

/** Change notices' text until an admin saves their own: time, clinic, link or phone, never a name. */
export const DEFAULT_NOTICE_TEMPLATES: Record<NoticeKind, Record<ReminderKind, string>> = {
  MOVED: {
    TELEHEALTH:
      '{clinic}: your telehealth appointment has moved to {date} at {time}. Join with the same link: {link} Reply C to confirm. {optout}',
    IN_PERSON: '{clinic}: your appointment has moved to {date} at {time}. Reply C to confirm. {optout}',
  },
  CANCELLED: {
    TELEHEALTH:
      '{clinic}: your telehealth appointment on {date} at {time} is cancelled. To book again, call {phone}. {optout}',
    IN_PERSON:
      '{clinic}: your appointment on {date} at {time} is cancelled. To book again, call {phone}. {optout}',
  },
};

export const OPT_OUT_TEXT = 'Reply STOP to opt out.';

const PLACEHOLDER_RE = /\{([a-zA-Z]+)\}/g;

/** Problems that stop a template being saved, as sentences for the admin. */
export function templateProblems(template: string, kind: ReminderKind): string[] {
  return checkTemplate(template, { link: kind === 'TELEHEALTH' ? 'required' : 'forbidden', phone: false });
}

/**
 * A change notice's template: like a reminder's, except that a cancellation
 * carries no join link (it no longer leads anywhere) and must give the clinic's phone.
 */
export function noticeTemplateProblems(template: string, notice: NoticeKind, kind: ReminderKind): string[] {
  if (notice === 'CANCELLED') return checkTemplate(template, { link: 'forbidden-cancelled', phone: true });
  return templateProblems(template, kind);
}

function checkTemplate(
  template: string,
  rules: { link: 'required' | 'forbidden' | 'forbidden-cancelled'; phone: boolean },
): string[] {
  const problems: string[] = [];
  const text = template.trim();
  if (text === '') return ['Write the message text.'];
  if (text.length > TEMPLATE_MAX_LENGTH)
    problems.push(`Keep the text to ${TEMPLATE_MAX_LENGTH} characters or fewer.`);
  const used = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER_RE)) used.add(match[1] ?? '');
  const unknown = [...used].filter((p) => !(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(p));
  if (unknown.length) {
    problems.push(
      `Unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((p) => `{${p}}`).join(', ')}: use only ${TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`,
    );
  }
  if (!used.has('optout')) problems.push('Include {optout}, so every message says how to stop them.');
  if (!used.has('date') || !used.has('time')) problems.push('Include {date} and {time}.');
  if (rules.link === 'required' && !used.has('link'))
    problems.push('Include {link}: telehealth patients join from it.');
  if (rules.link === 'forbidden' && used.has('link'))
    problems.push('In-person appointments have no join link: remove {link}.');
  if (rules.link === 'forbidden-cancelled' && used.has('link'))
    problems.push('A cancelled appointment has no session to join: remove {link}.');
  if (rules.phone && !used.has('phone'))
    problems.push('Include {phone}, so the patient can call the clinic to book again.');
  return problems;
}

/** Replaces each {placeholder}; an unknown one is left as written (templateProblems refuses those on save). */
export function renderTemplate(template: string, values: TemplateValues): string {
  return template
    .replace(PLACEHOLDER_RE, (whole, name: string) =>
      (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name)
        ? values[name as TemplatePlaceholder]
        : whole,
    )
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/** "AEDT", "ACST", "LHST"… for the instant in `timeZone` (or "GMT+11" where no abbreviation exists). */
export function zoneAbbreviation(date: Date, timeZone: string): string {
  const part = zoneFormatter(timeZone)
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

// Building an Intl formatter is slow; a worker renders thousands of messages in a few zones.
const zoneFormatters = new Map<string, Intl.DateTimeFormat>();
function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = zoneFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-AU', { timeZone, timeZoneName: 'short', hour: 'numeric' });
    if (zoneFormatters.size < 100) zoneFormatters.set(timeZone, f);
  }
  return f;
}

/** The values a reminder is rendered with; date and time on the patient's clock. */
export function reminderTemplateValues(input: {
  clinicName: string;
  clinicPhone: string | null;
  startsAt: Date;
  timeZone: string;
  joinUrl: string | null;
}): TemplateValues {
  const { startsAt, timeZone } = input;
  return {
    clinic: input.clinicName,
    // ASCII-only formats, so dates never push a text out of GSM-7.
    date: formatInTimeZone(startsAt, timeZone, 'EEE d MMM'),
    time: `${formatInTimeZone(startsAt, timeZone, 'h:mm aaa')} ${zoneAbbreviation(startsAt, timeZone)}`,
    link: input.joinUrl ?? '',
    phone: input.clinicPhone ?? '',
    optout: OPT_OUT_TEXT,
  };
}

/**
 * ContentVariables for the approved WhatsApp template. The mapping is fixed and
 * shown to admins on the settings page: {{1}} clinic, {{2}} date, {{3}} time,
 * {{4}} join link for telehealth, the clinic's phone for in-person visits.
 */
export function whatsappContentVariables(
  values: TemplateValues,
  kind: ReminderKind,
  notice: NoticeKind | null = null,
): Record<string, string> {
  // A cancellation has no session to join: {{4}} is the clinic's phone, as for an in-person visit.
  const link = kind === 'TELEHEALTH' && notice !== 'CANCELLED';
  return {
    '1': values.clinic,
    '2': values.date,
    '3': values.time,
    '4': link ? values.link : values.phone || values.clinic,
  };
}

export const WHATSAPP_VARIABLE_HELP = [
  '{{1}} the clinic’s name',
  '{{2}} the appointment day',
  '{{3}} the appointment time with its zone',
  '{{4}} the join link (telehealth) or the clinic’s phone (in person)',
] as const;

/** The same four variables in a change notice: {{4}} is the clinic's phone in a cancellation. */
export const NOTICE_WHATSAPP_VARIABLE_HELP = [
  '{{1}} the clinic’s name',
  '{{2}} the day (the new day when moved; the cancelled one when cancelled)',
  '{{3}} the time with its zone',
  '{{4}} moved: the same join link (telehealth) or the clinic’s phone (in person); cancelled: the clinic’s phone',
] as const;
