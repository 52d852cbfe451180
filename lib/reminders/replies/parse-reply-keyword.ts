// What a patient's reply to a reminder asks for. Pure.
//
// Like Twilio's own keyword handling, a keyword counts only when it is the
// whole message (ignoring case, spaces and trailing punctuation): "Stop" opts
// out, "stop sending me the link" does not, and reaches staff instead.
//
// Opt-out and opt-in keywords are Twilio's standard ones for SMS. YES is also a
// Twilio opt-in keyword, but here it confirms the appointment; because Twilio
// re-subscribes an SMS number that texts YES, the handler mirrors that too
// (isTwilioOptInKeyword). CANCEL is an opt-out keyword at Twilio, whatever the
// patient meant, so it opts out and is also shown to staff (they may have
// meant the appointment).

export type ReplyIntent = 'CONFIRM' | 'RESCHEDULE' | 'OPT_OUT' | 'OPT_IN' | 'HELP' | 'UNKNOWN';

export const OPT_OUT_KEYWORDS = [
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'END',
  'QUIT',
  'CANCEL',
  'OPTOUT',
  'REVOKE',
] as const;
export const OPT_IN_KEYWORDS = ['START', 'UNSTOP'] as const;
const TWILIO_OPT_IN_KEYWORDS = new Set<string>([...OPT_IN_KEYWORDS, 'YES']);
const CONFIRM_KEYWORDS = new Set(['C', 'YES', 'Y', 'CONFIRM', 'CONFIRMED']);
const RESCHEDULE_KEYWORDS = new Set(['R', 'RESCHEDULE']);
const HELP_KEYWORDS = new Set(['HELP', 'INFO']);
const OPT_OUT = new Set<string>(OPT_OUT_KEYWORDS);
const OPT_IN = new Set<string>(OPT_IN_KEYWORDS);

export interface ParsedReply {
  intent: ReplyIntent;
  /** The keyword as matched (upper case), or null for free text. */
  keyword: string | null;
}

/** Upper case, no surrounding quotes, spaces or trailing punctuation; inner spaces and hyphens dropped. */
export function normaliseKeyword(body: string): string {
  return body
    .normalize('NFKC')
    .trim()
    .replace(/^["'“‘]+|["'”’]+$/g, '')
    .replace(/[.!?,;:]+$/g, '')
    .trim()
    .replace(/[\s-]+/g, '')
    .toUpperCase();
}

/**
 * `optOutType` is the OptOutType field Twilio adds to an inbound message when
 * its Advanced Opt-Out matched a keyword (STOP, START, HELP): Twilio has
 * already acted on it, so it wins over our own reading.
 */
export function parseReplyKeyword(body: string, optOutType?: string | null): ParsedReply {
  const keyword = normaliseKeyword(body);
  const twilioSays = optOutType?.trim().toUpperCase();
  if (twilioSays === 'STOP') return { intent: 'OPT_OUT', keyword: keyword || 'STOP' };
  if (twilioSays === 'START' && !CONFIRM_KEYWORDS.has(keyword))
    return { intent: 'OPT_IN', keyword: keyword || 'START' };
  if (twilioSays === 'HELP') return { intent: 'HELP', keyword: keyword || 'HELP' };

  if (keyword === '' || keyword.length > 20) return { intent: 'UNKNOWN', keyword: null };
  if (OPT_OUT.has(keyword)) return { intent: 'OPT_OUT', keyword };
  if (OPT_IN.has(keyword)) return { intent: 'OPT_IN', keyword };
  if (CONFIRM_KEYWORDS.has(keyword)) return { intent: 'CONFIRM', keyword };
  if (RESCHEDULE_KEYWORDS.has(keyword)) return { intent: 'RESCHEDULE', keyword };
  if (HELP_KEYWORDS.has(keyword)) return { intent: 'HELP', keyword };
  return { intent: 'UNKNOWN', keyword: null };
}

/** Keywords after which Twilio itself lets SMS reach the number again. */
export function isTwilioOptInKeyword(keyword: string | null): boolean {
  return keyword !== null && TWILIO_OPT_IN_KEYWORDS.has(keyword);
}
