// How many SMS segments a text costs, as a phone network packs it. Pure and
// client-safe: the template editor's live preview and the sender use the same
// count.
//
// GSM-7 (GSM 03.38) holds the basic table (1 septet each) plus an extension
// table reached through an escape (2 septets each: ^ { } \ [ ] ~ | € and form
// feed). One segment carries 160 septets; a longer text is split into parts of
// 153, because each part gives 7 septets to the concatenation header. An escape
// and its character are never split across parts, so a part can end one septet
// short. Any character outside both tables switches the whole text to UCS-2:
// 70 UTF-16 code units in one segment, 67 per part, and a surrogate pair (an
// emoji) is never split either. Counting characters and dividing by 153 or 67
// gets these edge cases wrong; packing part by part gets them right.

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegmentCount {
  encoding: SmsEncoding;
  /** 0 for an empty text. */
  segments: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text uses. */
  units: number;
  /** Capacity of each segment at this length: 160/153 (GSM-7) or 70/67 (UCS-2). */
  perSegment: number;
  /** Units still free in the last segment before another one is needed. */
  remainingInSegment: number;
  /** The characters that forced UCS-2, each once, in order of appearance. */
  nonGsmCharacters: string[];
}

const GSM_BASIC = new Set(
  Array.from(
    '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
      '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
  ),
);
const GSM_EXTENSION = new Set(Array.from('^{}\\[~]|€\f'));

const LIMITS = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
} as const;

/** Septets a character costs in GSM-7, or null when GSM-7 cannot carry it. */
export function gsmSeptets(char: string): 1 | 2 | null {
  if (GSM_BASIC.has(char)) return 1;
  if (GSM_EXTENSION.has(char)) return 2;
  return null;
}

/** Parts needed when indivisible units of the given sizes are packed in order into parts of `capacity`. */
function packParts(sizes: number[], capacity: number): { parts: number; lastUsed: number } {
  let parts = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > capacity) {
      parts += 1;
      used = 0;
    }
    used += size;
  }
  return { parts, lastUsed: used };
}

export function countSmsSegments(text: string): SmsSegmentCount {
  // Iterating a string yields code points, so an emoji stays one item here.
  const chars = Array.from(text);
  const nonGsm: string[] = [];
  const septets: number[] = [];
  for (const char of chars) {
    const cost = gsmSeptets(char);
    if (cost === null) {
      if (!nonGsm.includes(char)) nonGsm.push(char);
    } else septets.push(cost);
  }

  const encoding: SmsEncoding = nonGsm.length === 0 ? 'GSM-7' : 'UCS-2';
  // UCS-2 counts UTF-16 code units: 2 for a character outside the Basic Multilingual Plane.
  const sizes = encoding === 'GSM-7' ? septets : chars.map((c) => c.length);
  const units = sizes.reduce((sum, n) => sum + n, 0);
  const limits = LIMITS[encoding];

  if (units === 0) {
    return {
      encoding,
      segments: 0,
      units: 0,
      perSegment: limits.single,
      remainingInSegment: limits.single,
      nonGsmCharacters: nonGsm,
    };
  }
  if (units <= limits.single) {
    return {
      encoding,
      segments: 1,
      units,
      perSegment: limits.single,
      remainingInSegment: limits.single - units,
      nonGsmCharacters: nonGsm,
    };
  }
  const { parts, lastUsed } = packParts(sizes, limits.part);
  return {
    encoding,
    segments: parts,
    units,
    perSegment: limits.part,
    remainingInSegment: limits.part - lastUsed,
    nonGsmCharacters: nonGsm,
  };
}
