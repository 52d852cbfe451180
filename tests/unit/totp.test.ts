import { describe, expect, it } from 'vitest';

import {
  base32Decode,
  base32Encode,
  generateTotpSecret,
  hotp,
  totpCode,
  totpStep,
  totpUri,
  verifyTotp,
} from '@/lib/auth/totp';

// RFC 6238 appendix B uses the ASCII secret "12345678901234567890" for SHA-1.
const RFC_SECRET_ASCII = '12345678901234567890';
const RFC_SECRET = base32Encode(Buffer.from(RFC_SECRET_ASCII));

// RFC 6238 appendix B, SHA-1 rows: time (seconds) → 8-digit TOTP.
const rfc6238Vectors: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('base32 (RFC 4648)', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('encodes %j as %j (unpadded) and decodes it back', (plain, encoded) => {
    expect(base32Encode(Buffer.from(plain))).toBe(encoded);
    expect(base32Decode(encoded).toString()).toBe(plain);
  });

  it('decodes secrets typed by hand: lower case, spaces, hyphens and padding', () => {
    expect(base32Decode('mzxw 6ytb-oi======').toString()).toBe('foobar');
  });

  it('refuses characters outside the base32 alphabet', () => {
    expect(() => base32Decode('MZXW1')).toThrow();
  });
});

describe('HOTP (RFC 4226 appendix D)', () => {
  it('produces the published codes for counters 0 to 9', () => {
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expect(expected.map((_, counter) => hotp(Buffer.from(RFC_SECRET_ASCII), counter))).toEqual(expected);
  });
});

describe('TOTP (RFC 6238)', () => {
  it.each(rfc6238Vectors)('at T=%i s gives the published 8-digit code %s', (seconds, code) => {
    expect(totpCode(RFC_SECRET, seconds * 1000, 8)).toBe(code);
  });

  it.each(rfc6238Vectors)(
    'at T=%i s gives the last 6 digits of %s as the 6-digit code apps show',
    (seconds, code) => {
      expect(totpCode(RFC_SECRET, seconds * 1000)).toBe(code.slice(2));
    },
  );

  it('changes code every 30 seconds', () => {
    expect(totpStep(29_999)).toBe(0);
    expect(totpStep(30_000)).toBe(1);
    expect(totpCode(RFC_SECRET, 30_000)).toBe(totpCode(RFC_SECRET, 59_999));
    expect(totpCode(RFC_SECRET, 29_999)).not.toBe(totpCode(RFC_SECRET, 30_000));
  });

  it('makes 160-bit random secrets that differ each time', () => {
    const a = generateTotpSecret();
    const b = generateTotpSecret();
    expect(base32Decode(a)).toHaveLength(20);
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(a).not.toBe(b);
  });
});

describe('verifyTotp', () => {
  const now = 1_234_567_890_000;
  const step = totpStep(now);

  it('accepts the current code and returns its time step', () => {
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, now), { atMs: now })).toBe(step);
  });

  it('accepts the code from one step before or after, for clock drift', () => {
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, now - 30_000), { atMs: now })).toBe(step - 1);
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, now + 30_000), { atMs: now })).toBe(step + 1);
  });

  it('refuses codes two steps away', () => {
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, now - 60_000), { atMs: now })).toBeNull();
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, now + 60_000), { atMs: now })).toBeNull();
  });

  it('refuses a replay: a code whose step is not newer than the last accepted step', () => {
    const code = totpCode(RFC_SECRET, now);
    expect(verifyTotp(RFC_SECRET, code, { atMs: now, lastStep: step })).toBeNull();
    expect(
      verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, now - 30_000), { atMs: now, lastStep: step - 1 }),
    ).toBeNull();
    expect(verifyTotp(RFC_SECRET, code, { atMs: now, lastStep: step - 1 })).toBe(step);
  });

  it('refuses wrong codes and anything that is not six digits', () => {
    const right = totpCode(RFC_SECRET, now);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    expect(verifyTotp(RFC_SECRET, wrong, { atMs: now })).toBeNull();
    expect(verifyTotp(RFC_SECRET, '', { atMs: now })).toBeNull();
    expect(verifyTotp(RFC_SECRET, 'abcdef', { atMs: now })).toBeNull();
    expect(verifyTotp(RFC_SECRET, right + '0', { atMs: now })).toBeNull();
  });

  it('accepts a code typed with a space in the middle', () => {
    const right = totpCode(RFC_SECRET, now);
    expect(verifyTotp(RFC_SECRET, `${right.slice(0, 3)} ${right.slice(3)}`, { atMs: now })).toBe(step);
  });

  it('refuses everything when the stored secret is not valid base32', () => {
    expect(verifyTotp('not base32!', '123456', { atMs: now })).toBeNull();
  });
});

describe('totpUri', () => {
  it('builds the otpauth URI authenticator apps read, with issuer and account escaped', () => {
    const uri = totpUri({
      secret: 'JBSWY3DPEHPK3PXP',
      issuer: 'Harbourside Psychology',
      account: 'a@b.example',
    });
    expect(uri).toBe(
      'otpauth://totp/Harbourside%20Psychology:a%40b.example?secret=JBSWY3DPEHPK3PXP&issuer=Harbourside+Psychology&algorithm=SHA1&digits=6&period=30',
    );
  });
});
