// Reminder text from the admin's template. Pure and client-safe: the admin
// page's live preview renders with the same function the worker sends with.
//
// Templates can only use the placeholders below, and none of them carries a
// name, a clinician or anything clinical: whatever an admin writes, the only
// patient-specific facts a message can hold are the appointment's date and time
// and (telehealth) the join link. A phone can be shared or change hands.
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

export const OPT_OUT_TEXT = 'Reply STOP to opt out.';

export const TEMPLATE_MAX_LENGTH = 600;

const PLACEHOLDER_RE = /\{([a-zA-Z]+)\}/g;

/** Problems that stop a template being saved, as sentences for the admin. */
export function templateProblems(template: string, kind: ReminderKind): string[] {
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
  if (kind === 'TELEHEALTH' && !used.has('link'))
    problems.push('Include {link}: telehealth patients join from it.');
  if (kind === 'IN_PERSON' && used.has('link'))
    problems.push('In-person appointments have no join link: remove {link}.');
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
export function whatsappContentVariables(values: TemplateValues, kind: ReminderKind): Record<string, string> {
  return {
    '1': values.clinic,
    '2': values.date,
    '3': values.time,
    '4': kind === 'TELEHEALTH' ? values.link : values.phone || values.clinic,
  };
}

export const WHATSAPP_VARIABLE_HELP = [
  '{{1}} the clinic’s name',
  '{{2}} the appointment day',
  '{{3}} the appointment time with its zone',
  '{{4}} the join link (telehealth) or the clinic’s phone (in person)',
] as const;
