import { describe, expect, it } from 'vitest';

import { isMfaRequired } from '@/lib/auth/mfa-requirement';
import {
  generateRecoveryCodes,
  hashRecoveryCode,
  looksLikeRecoveryCode,
  normalizeRecoveryCode,
  RECOVERY_CODE_COUNT,
} from '@/lib/auth/recovery-codes';

describe('recovery codes', () => {
  it('come as ten distinct codes of three groups of four characters', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(RECOVERY_CODE_COUNT).toBe(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes)
      expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/);
  });

  it('are stored as SHA-256 hex, never as the code itself', () => {
    const [code] = generateRecoveryCodes(1);
    const hash = hashRecoveryCode(code!);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(code!.replace(/-/g, ''));
  });

  it('match however they are typed: case, spaces, hyphens, and O/I/L for 0/1', () => {
    expect(hashRecoveryCode('0a1b-2c3d-4e5f')).toBe(hashRecoveryCode('OA1B 2C3D 4E5F'));
    expect(hashRecoveryCode('0a1b-2c3d-4e5f')).toBe(hashRecoveryCode('oalb2c3d4e5f'));
    expect(normalizeRecoveryCode(' 7K2M-Q9XD-4HVT ')).toBe('7k2mq9xd4hvt');
  });

  it('are told apart from 6-digit authenticator codes', () => {
    expect(looksLikeRecoveryCode('7k2m-q9xd-4hvt')).toBe(true);
    expect(looksLikeRecoveryCode('123456')).toBe(false);
    expect(looksLikeRecoveryCode('7k2m-q9xd')).toBe(false);
  });
});

describe('who must use two-factor', () => {
  it('is always admins and clinicians; reception staff only when the clinic requires it for everyone', () => {
    expect(isMfaRequired('ADMIN', false)).toBe(true);
    expect(isMfaRequired('CLINICIAN', false)).toBe(true);
    expect(isMfaRequired('STAFF', false)).toBe(false);
    expect(isMfaRequired('STAFF', true)).toBe(true);
  });
});
