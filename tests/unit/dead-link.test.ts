// When a patient's or guest's link stops working, as a table: what happened to
// the appointment is said first, then what happened to the link, then the clock.
import { describe, expect, it } from 'vitest';

import { AppError } from '@/lib/errors/app-error';
import { deadLinkCode, deadLinkError, type LinkLife } from '@/lib/video/links/dead-link';

const MIN = 60_000;
const endsAt = new Date('2026-12-01T00:50:00Z');
const live: LinkLife = { revokedAt: null, replaced: false, appointmentStatus: 'BOOKED', endsAt };
const during = new Date('2026-12-01T00:20:00Z');

describe('deadLinkCode', () => {
  it.each<[string, Partial<LinkLife>, Date, string | null]>([
    ['a working link', {}, during, null],
    [
      'a working link after a completed appointment, within two hours',
      { appointmentStatus: 'COMPLETED' },
      new Date(endsAt.getTime() + 119 * MIN),
      null,
    ],
    ['withdrawn', { revokedAt: during }, during, 'LINK_REVOKED'],
    ['withdrawn and a newer link made', { revokedAt: during, replaced: true }, during, 'LINK_REPLACED'],
    ['two hours after the end', {}, new Date(endsAt.getTime() + 120 * MIN), 'LINK_EXPIRED'],
    [
      'cancelled, even when also replaced and expired',
      { appointmentStatus: 'CANCELLED', revokedAt: during, replaced: true },
      new Date(endsAt.getTime() + 500 * MIN),
      'APPOINTMENT_CANCELLED',
    ],
    ['closed as missed', { appointmentStatus: 'NO_SHOW' }, during, 'APPOINTMENT_CLOSED'],
    [
      'replaced and expired says replaced',
      { revokedAt: during, replaced: true },
      new Date(endsAt.getTime() + 500 * MIN),
      'LINK_REPLACED',
    ],
  ])('%s', (_name, change, now, expected) => {
    expect(deadLinkCode({ ...live, ...change }, now)).toBe(expected);
  });
});

describe('deadLinkError', () => {
  it('is a 410 with the code, a sentence and the clinic’s phone, and nothing else', () => {
    const err = deadLinkError('LINK_EXPIRED', '02 5550 1234');
    expect(err).toBeInstanceOf(AppError);
    expect(err.status).toBe(410);
    expect(err.code).toBe('LINK_EXPIRED');
    expect(err.message).toMatch(/expired.*Call the clinic/);
    expect(err.details).toEqual({ reason: 'LINK_EXPIRED', clinicPhone: '02 5550 1234' });
  });
});
