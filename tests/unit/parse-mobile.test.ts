import { describe, expect, it } from 'vitest';

import { formatMobile, MOBILE_MESSAGES, parseMobile } from '@/lib/phone/parse-mobile';

describe('parseMobile', () => {
  it.each([
    ['0412 345 678'],
    ['0412345678'],
    ['+61 412 345 678'],
    ['+61412345678'],
    ['61412345678'],
    ['(04) 1234-5678'],
    ['0011 61 412 345 678'],
    ['  0412 345 678  '],
  ])('turns the Australian mobile %j into +61412345678', (input) => {
    expect(parseMobile(input)).toEqual({ ok: true, e164: '+61412345678', country: 'AU' });
  });

  it('accepts the ACMA drama-range mobile 0491 570 156 used in examples', () => {
    expect(parseMobile('0491 570 156')).toMatchObject({ ok: true, e164: '+61491570156' });
  });

  it.each([['02 9876 5432'], ['(03) 9123 4567'], ['+61 8 9123 4567'], ['0298765432']])(
    'refuses the landline %j with the landline message',
    (input) => {
      expect(parseMobile(input)).toEqual({
        ok: false,
        reason: 'LANDLINE',
        message: MOBILE_MESSAGES.landline,
      });
      expect(MOBILE_MESSAGES.landline).toBe('This looks like a landline; reminders need a mobile number');
    },
  );

  it.each([['1300 123 456'], ['1800 123 456']])('refuses the non-mobile service number %j', (input) => {
    expect(parseMobile(input)).toMatchObject({ ok: false, reason: 'NOT_MOBILE' });
  });

  it.each([
    ['12345'],
    ['0412 345'],
    ['0412 345 678 9'],
    ['call me'],
    ['0412-345-67a'],
    ['+'],
    ['9'.repeat(60)],
  ])('refuses the invalid number %j with the example-format message', (input) => {
    const result = parseMobile(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe('INVALID');
      expect(result.message).toContain('Enter an Australian mobile number, like 0412 345 678');
    }
  });

  it.each([[''], ['   '], [null], [undefined]])('asks for a number when given %j', (input) => {
    expect(parseMobile(input)).toEqual({ ok: false, reason: 'EMPTY', message: MOBILE_MESSAGES.empty });
  });

  it.each([
    ['+44 7400 123456', '+447400123456', 'GB'],
    ['+64 21 123 4567', '+64211234567', 'NZ'],
    ['447400123456', '+447400123456', 'GB'],
    ['+1 415 555 2671', '+14155552671', 'US'],
  ])('accepts the international mobile %j as %s', (input, e164, country) => {
    expect(parseMobile(input)).toEqual({ ok: true, e164, country });
  });

  it('refuses an international landline', () => {
    expect(parseMobile('+44 20 7946 0958')).toMatchObject({ ok: false, reason: 'LANDLINE' });
  });
});

describe('formatMobile', () => {
  it('shows Australian mobiles in the national format and others internationally', () => {
    expect(formatMobile('+61412345678')).toBe('0412 345 678');
    expect(formatMobile('+447400123456')).toBe('+44 7400 123456');
  });
});
