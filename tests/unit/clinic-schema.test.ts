// The clinic phone an admin enters: the number shown on a dead join link.
import { describe, expect, it } from 'vitest';

import { clinicPhoneSchema } from '@/lib/schemas/clinic';

describe('clinicPhoneSchema', () => {
  it.each(['02 9000 0000', '+61 2 9000 0000', '(02) 9000-0000', '1300 123 456'])('accepts %s', (phone) => {
    expect(clinicPhoneSchema.parse({ contactPhone: ` ${phone} ` })).toEqual({ contactPhone: phone });
  });

  it('clears the number when left empty', () => {
    expect(clinicPhoneSchema.parse({ contactPhone: '  ' })).toEqual({ contactPhone: null });
  });

  it.each([
    ['letters', 'call reception', /digits, spaces/],
    ['too short', '123', /too short/],
    ['too long', '0'.repeat(31), /under 30/],
  ])('refuses %s with a sentence that says what to do', (_name, phone, message) => {
    const result = clinicPhoneSchema.safeParse({ contactPhone: phone });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(message);
  });
});
