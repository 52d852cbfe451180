import { describe, expect, it } from 'vitest';

import { countSmsSegments, gsmSeptets } from '@/lib/reminders/templates/count-sms-segments';

describe('countSmsSegments in GSM-7', () => {
  it('counts an empty text as no segments', () => {
    expect(countSmsSegments('')).toMatchObject({ encoding: 'GSM-7', segments: 0, units: 0 });
  });

  it('fits 160 basic characters in one segment and needs two for 161', () => {
    expect(countSmsSegments('a'.repeat(160))).toMatchObject({
      segments: 1,
      units: 160,
      remainingInSegment: 0,
    });
    expect(countSmsSegments('a'.repeat(161))).toMatchObject({ segments: 2, units: 161, perSegment: 153 });
  });

  it('splits long texts into 153-septet parts: 306 is two parts, 307 is three', () => {
    expect(countSmsSegments('a'.repeat(306)).segments).toBe(2);
    expect(countSmsSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('charges two septets for each extension character (€ [ ] { } ^ ~ | \\ and form feed)', () => {
    for (const char of ['€', '[', ']', '{', '}', '^', '~', '|', '\\', '\f']) expect(gsmSeptets(char)).toBe(2);
    expect(countSmsSegments('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', segments: 1, units: 160 });
    expect(countSmsSegments('€'.repeat(81))).toMatchObject({ encoding: 'GSM-7', segments: 2, units: 162 });
  });

  it('never splits an extension character across parts, so a part can end one septet short', () => {
    // 152 + 2 + 152 = 306 septets: naive division says 2, packing needs 3.
    const text = `${'a'.repeat(152)}€${'a'.repeat(152)}`;
    expect(countSmsSegments(text)).toMatchObject({ encoding: 'GSM-7', units: 306, segments: 3 });
  });

  it('keeps GSM accented letters (é, ñ, ü, Ç) and Greek capitals in GSM-7', () => {
    expect(countSmsSegments('Café Niño Über Ça ΔΩ £5 @home')).toMatchObject({ encoding: 'GSM-7' });
  });

  it('counts new lines as one septet each', () => {
    expect(countSmsSegments('a\nb\r\nc')).toMatchObject({ encoding: 'GSM-7', units: 6 });
  });
});

describe('countSmsSegments in UCS-2', () => {
  it('switches the whole text to UCS-2 for one character outside GSM-7 and names it', () => {
    const r = countSmsSegments('See you at 10:30 – thanks’');
    expect(r.encoding).toBe('UCS-2');
    expect(r.nonGsmCharacters).toEqual(['–', '’']);
  });

  it('fits 70 units in one segment and needs two for 71; parts hold 67', () => {
    expect(countSmsSegments('ā'.repeat(70))).toMatchObject({ segments: 1, perSegment: 70 });
    expect(countSmsSegments('ā'.repeat(71))).toMatchObject({ segments: 2, perSegment: 67 });
    expect(countSmsSegments('ā'.repeat(134)).segments).toBe(2);
    expect(countSmsSegments('ā'.repeat(135)).segments).toBe(3);
  });

  it('counts an emoji as two UTF-16 units', () => {
    expect(countSmsSegments('😀'.repeat(35))).toMatchObject({ segments: 1, units: 70 });
    expect(countSmsSegments('😀'.repeat(36))).toMatchObject({ segments: 2, units: 72 });
  });

  it('never splits a surrogate pair across parts', () => {
    const text = `${'ā'.repeat(66)}😀${'ā'.repeat(66)}`;
    expect(countSmsSegments(text)).toMatchObject({ units: 134, segments: 3 });
  });

  it('treats the GSM escape character itself as outside GSM-7 text', () => {
    expect(countSmsSegments('\u001b').encoding).toBe('UCS-2');
  });
});
