// Turns what a person types into an E.164 mobile number, or a message saying
// why not. Australian by default (0412 345 678, +61 412 345 678 and
// 61412345678 all become +61412345678); numbers written with a + and a country
// code are accepted when they are mobiles. Pure: used by forms, the reminders
// feature and tests alike.
//
// The "max" metadata is needed: the default build of libphonenumber-js cannot
// tell a mobile from a landline.
import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';

export const MOBILE_MESSAGES = {
  empty: 'Enter a mobile number.',
  invalid: 'Enter an Australian mobile number, like 0412 345 678',
  landline: 'This looks like a landline; reminders need a mobile number',
  notMobile:
    'This is not a mobile number (it may be a 13, 1300 or 1800 number); reminders need a mobile number',
  tooLong: 'That is too long for a phone number. Enter an Australian mobile number, like 0412 345 678',
} as const;

export type ParseMobileResult =
  | { ok: true; e164: string; country: CountryCode | undefined }
  | { ok: false; reason: 'EMPTY' | 'INVALID' | 'LANDLINE' | 'NOT_MOBILE'; message: string };

// A generous cap so a pasted paragraph is refused before any parsing work.
const MAX_INPUT_LENGTH = 40;

function attempt(text: string, defaultCountry: CountryCode): PhoneNumber | undefined {
  const parsed = parsePhoneNumberFromString(text, { defaultCountry });
  return parsed?.isValid() ? parsed : undefined;
}

export function parseMobile(
  input: string | null | undefined,
  defaultCountry: CountryCode = 'AU',
): ParseMobileResult {
  const text = (input ?? '').trim();
  if (text === '') return { ok: false, reason: 'EMPTY', message: MOBILE_MESSAGES.empty };
  if (text.length > MAX_INPUT_LENGTH)
    return { ok: false, reason: 'INVALID', message: MOBILE_MESSAGES.tooLong };
  // Only digits, spaces and the usual punctuation people type in phone numbers.
  if (!/^[+\d\s().-]+$/.test(text)) return { ok: false, reason: 'INVALID', message: MOBILE_MESSAGES.invalid };

  // "61412345678" (country code without the +) is common when copied from
  // other systems; try it as international when the national reading fails.
  const number =
    attempt(text, defaultCountry) ?? (text.startsWith('+') ? undefined : attempt(`+${text}`, defaultCountry));
  if (!number) return { ok: false, reason: 'INVALID', message: MOBILE_MESSAGES.invalid };

  const type = number.getType();
  // Some countries (the US, Canada) do not separate mobiles from landlines.
  if (type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE') {
    return { ok: true, e164: number.number, country: number.country };
  }
  if (type === 'FIXED_LINE') return { ok: false, reason: 'LANDLINE', message: MOBILE_MESSAGES.landline };
  return { ok: false, reason: 'NOT_MOBILE', message: MOBILE_MESSAGES.notMobile };
}

/** For display: Australian numbers as 0412 345 678, others in international form. */
export function formatMobile(e164: string): string {
  const number = parsePhoneNumberFromString(e164);
  if (!number) return e164;
  return number.country === 'AU' ? number.formatNational() : number.formatInternational();
}
