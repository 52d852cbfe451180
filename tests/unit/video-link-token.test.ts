// Join and guest link tokens: HMAC-signed row ids, so they can be re-created
// for staff to copy, cannot be forged or moved to another session, and say
// nothing about the appointment.
import { beforeAll, describe, expect, it } from 'vitest';

import { setEnvForThisProcess } from '@/lib/env';
import { linkSignatureValid, linkToken, newRejoinKey, parseLinkToken, sha256 } from '@/lib/video/links/link-token';

beforeAll(() => {
  setEnvForThisProcess('AUTH_SECRET', 'unit-test-auth-secret-0123456789abcdef');
});

describe('link tokens', () => {
  it('are the same every time for one link row, so staff can copy the current link again', () => {
    expect(linkToken('join', 'clink123', 'csession1')).toBe(linkToken('join', 'clink123', 'csession1'));
    expect(linkToken('join', 'clink123', 'csession1')).toMatch(/^jl_clink123\.[A-Za-z0-9_-]{43}$/);
    expect(linkToken('guest', 'clink123', 'csession1')).toMatch(/^gl_/);
  });

  it('verify only for the row and session they were made for, and only for their kind', () => {
    const parsed = parseLinkToken(linkToken('join', 'clink123', 'csession1'))!;
    expect(parsed).toMatchObject({ kind: 'join', linkId: 'clink123' });
    expect(linkSignatureValid('join', 'clink123', 'csession1', parsed.signature)).toBe(true);
    expect(linkSignatureValid('join', 'clink123', 'csession2', parsed.signature)).toBe(false);
    expect(linkSignatureValid('join', 'clink124', 'csession1', parsed.signature)).toBe(false);
    expect(linkSignatureValid('guest', 'clink123', 'csession1', parsed.signature)).toBe(false);
  });

  it('do not verify after a character of the signature is changed', () => {
    const token = linkToken('join', 'clink123', 'csession1');
    const i = token.length - 10; // inside the signature, where every bit counts
    const tampered = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
    const parsed = parseLinkToken(tampered)!;
    expect(linkSignatureValid('join', 'clink123', 'csession1', parsed.signature)).toBe(false);
  });

  it('refuse to parse anything that is not shaped like one', () => {
    for (const bad of [
      '',
      'jl_',
      'jl_abc',
      'xx_abc.def',
      `jl_ABC.${'a'.repeat(43)}`,
      `jl_abc.${'a'.repeat(42)}`,
      'x'.repeat(500),
    ]) {
      expect(parseLinkToken(bad)).toBeNull();
    }
  });
});

describe('guest rejoin keys', () => {
  it('are random and stored only as their SHA-256', () => {
    const a = newRejoinKey();
    const b = newRejoinKey();
    expect(a.key).toMatch(/^gk_[A-Za-z0-9_-]{43}$/);
    expect(a.key).not.toBe(b.key);
    expect(a.hash).toBe(sha256(a.key));
    expect(a.hash).not.toContain(a.key);
  });
});
