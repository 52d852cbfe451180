// What sign-in says when it makes someone wait, and where it may send them after.
import { describe, expect, it } from 'vitest';

import { safeNextPath } from '@/lib/auth/safe-next-path';
import { failedSignInsMessage, rateLimitedMessage } from '@/lib/auth/sign-in-messages';
import { formatWait } from '@/lib/rate-limit/format-wait';

describe('sign-in waits', () => {
  it('round a wait up to whole minutes, or hours past an hour and a half', () => {
    expect([1, 60, 61, 120, 5400, 5401, 3 * 3600].map(formatWait)).toEqual([
      '1 minute',
      '1 minute',
      '2 minutes',
      '2 minutes',
      '90 minutes',
      '2 hours',
      '3 hours',
    ]);
  });

  it('say who waits, how long, and what to do', () => {
    expect(rateLimitedMessage('network', 120)).toBe(
      'Too many attempts from this network. Wait 2 minutes, then try again.',
    );
    expect(rateLimitedMessage('account', 60)).toMatch(
      /^Too many sign-in attempts on this account .* Wait 1 minute, then try again\. If this keeps happening, tell the practice manager\.$/,
    );
  });

  it('tell the owner how many attempts failed, in the singular too', () => {
    expect(failedSignInsMessage(1, 'Friday 4 December at 9:41 pm')).toBe(
      '1 failed sign-in attempt on your account since your last sign-in, the latest on Friday 4 December at 9:41 pm (clinic time). If this wasn’t you, tell the practice manager.',
    );
  });
});

describe('where sign-in sends someone after', () => {
  it('is a path on this site only', () => {
    expect(safeNextPath('/patients?view=week')).toBe('/patients?view=week');
    for (const bad of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      '/\t/evil.example',
      '/sign-in',
      '/api/x',
      42,
      undefined,
    ]) {
      expect(safeNextPath(bad)).toBeNull();
    }
  });
});
