// Small value formats Twilio uses: SIDs, the two date styles, E.164 numbers,
// SMS segment counts.
import { randomBytes } from 'node:crypto';

/** A SID: two-letter type prefix plus 32 lowercase hex characters (SM, MM, RM, PA, PN, SK, HX…). */
export function newSid(prefix: string): string {
  return prefix + randomBytes(16).toString('hex');
}

/** The 2010-04-01 API dates: RFC 2822 in GMT, "Thu, 24 Aug 2023 05:01:45 +0000". */
export function rfc2822(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

/** The v1 APIs (Video, Content…) use ISO 8601 without milliseconds, "2015-07-30T20:00:00Z". */
export function iso8601(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const e164 = /^\+[1-9]\d{6,14}$/;

/** The channel prefix of an address such as "whatsapp:+61412345678", or null for a plain number. */
export function channelOf(address: string): string | null {
  const match = /^([a-z]+):/.exec(address);
  return match?.[1] ?? null;
}

export function withoutChannel(address: string): string {
  return address.replace(/^[a-z]+:/, '');
}

export function isE164(address: string): boolean {
  return e164.test(withoutChannel(address));
}

// GSM 03.38 basic set plus the extension table (extension characters cost two septets).
const gsmBasic =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const gsmExtension = '^{}\\[~]|€\f';

/** How many SMS segments a body takes: GSM-7 (160, or 153 per part) or UCS-2 (70, or 67 per part). */
export function smsSegments(body: string): number {
  if (body.length === 0) return 1;
  let septets = 0;
  let gsm = true;
  for (const char of body) {
    if (gsmBasic.includes(char)) septets += 1;
    else if (gsmExtension.includes(char)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) return septets <= 160 ? 1 : Math.ceil(septets / 153);
  // UCS-2 counts UTF-16 code units: an emoji is two.
  const units = body.length;
  return units <= 70 ? 1 : Math.ceil(units / 67);
}
