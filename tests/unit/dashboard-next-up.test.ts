// The dashboard's "Next": the first appointment still to start, against the clock now.
import { describe, expect, it } from 'vitest';

import { nextStart } from '@/app/(staff)/dashboard/_components/next-up';

const day = ['2026-12-07T21:40:00Z', '2026-12-07T22:30:00Z', '2026-12-07T23:30:00Z'];

describe('nextStart', () => {
  it('no longer shows an 8:40 appointment as next at 9:00', () => {
    expect(nextStart(day, Date.parse('2026-12-07T21:30:00Z'))).toBe(day[0]);
    expect(nextStart(day, Date.parse('2026-12-07T22:00:00Z'))).toBe(day[1]);
  });

  it('moves on the moment an appointment starts', () => {
    expect(nextStart(day, Date.parse(day[1]!))).toBe(day[2]);
  });

  it('has nothing next once the last one has started', () => {
    expect(nextStart(day, Date.parse('2026-12-07T23:31:00Z'))).toBeNull();
    expect(nextStart([], 0)).toBeNull();
  });
});
