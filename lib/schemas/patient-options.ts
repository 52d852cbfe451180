// Patient constants the browser needs too (form options and labels), kept
// apart from the validation schemas so client bundles do not pull in the
// phone-number metadata.

export const AUSTRALIAN_TIME_ZONES = [
  { value: 'Australia/Sydney', label: 'Sydney, Canberra (NSW, ACT)' },
  { value: 'Australia/Melbourne', label: 'Melbourne (Victoria)' },
  { value: 'Australia/Brisbane', label: 'Brisbane (Queensland, no daylight saving)' },
  { value: 'Australia/Adelaide', label: 'Adelaide (South Australia)' },
  { value: 'Australia/Darwin', label: 'Darwin (Northern Territory, no daylight saving)' },
  { value: 'Australia/Perth', label: 'Perth (Western Australia, no daylight saving)' },
  { value: 'Australia/Hobart', label: 'Hobart (Tasmania)' },
  { value: 'Australia/Broken_Hill', label: 'Broken Hill (NSW, on South Australian time)' },
  { value: 'Australia/Lord_Howe', label: 'Lord Howe Island' },
  { value: 'Pacific/Norfolk', label: 'Norfolk Island' },
] as const;

export const MESSAGE_CHANNELS = ['WHATSAPP', 'SMS'] as const;
export const channelLabels: Record<(typeof MESSAGE_CHANNELS)[number], string> = {
  WHATSAPP: 'WhatsApp',
  SMS: 'SMS',
};

export const CONSENT_METHODS = ['VERBAL', 'WRITTEN', 'ONLINE_FORM', 'REPLY'] as const;
export const consentMethodLabels: Record<(typeof CONSENT_METHODS)[number], string> = {
  VERBAL: 'Verbally (in person or by phone)',
  WRITTEN: 'In writing (signed form)',
  ONLINE_FORM: 'Online form',
  REPLY: 'Replied to a message',
};

/** Form field names, in the order the form shows them (used to keep input after an error). */
export const patientFormFields = [
  'givenName',
  'familyName',
  'preferredName',
  'dateOfBirth',
  'email',
  'mobile',
  'timezone',
  'preferredChannel',
  'messagingConsent',
  'consentMethod',
  'whatsappConsent',
  'smsOptOut',
  'whatsappOptOut',
] as const;

/** The visible label of each form field (error summary links, change descriptions). */
export const patientFieldLabels: Record<(typeof patientFormFields)[number], string> = {
  givenName: 'Given name',
  familyName: 'Family name',
  preferredName: 'Preferred name',
  dateOfBirth: 'Date of birth',
  email: 'Email',
  mobile: 'Mobile',
  timezone: 'Timezone',
  preferredChannel: 'Preferred channel',
  messagingConsent: 'Agrees to appointment messages',
  consentMethod: 'How consent was given',
  whatsappConsent: 'Also agrees to WhatsApp messages',
  smsOptOut: 'Opted out of SMS',
  whatsappOptOut: 'Opted out of WhatsApp',
};

/** The name to greet and list a patient by: preferred name if given, then family name. */
export function patientDisplayName(p: {
  givenName: string;
  familyName: string;
  preferredName: string | null;
}): string {
  return `${p.preferredName || p.givenName} ${p.familyName}`;
}

/** "YYYY-MM-DD" of a date-only column (stored at UTC midnight). */
export function dateOnlyString(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : '';
}
