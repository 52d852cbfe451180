import { describe, expect, it } from 'vitest';

import {
  ABSOLUTE_LIFETIME_MS,
  IDLE_TIMEOUT_MS,
  judgeSession,
  sessionExpiresAt,
  shouldTouch,
  TOUCH_INTERVAL_MS,
} from '@/lib/auth/session-policy';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const signedInAt = new Date('2026-11-25T09:00:00.000Z');
const at = (ms: number) => new Date(signedInAt.getTime() + ms);

function session(lastSeenOffsetMs: number, revokedOffsetMs: number | null = null) {
  return {
    lastSeenAt: at(lastSeenOffsetMs),
    expiresAt: sessionExpiresAt(signedInAt),
    revokedAt: revokedOffsetMs === null ? null : at(revokedOffsetMs),
  };
}

describe('session limits', () => {
  it('are 30 minutes idle and 12 hours absolute', () => {
    expect(IDLE_TIMEOUT_MS).toBe(30 * MINUTE);
    expect(ABSOLUTE_LIFETIME_MS).toBe(12 * HOUR);
    expect(sessionExpiresAt(signedInAt).toISOString()).toBe('2026-11-25T21:00:00.000Z');
  });
});

describe('idle timeout', () => {
  it('keeps a session active 1 ms short of 30 minutes without activity', () => {
    expect(judgeSession(session(0), at(30 * MINUTE - 1))).toBe('active');
  });

  it('ends a session at exactly 30 minutes without activity', () => {
    expect(judgeSession(session(0), at(30 * MINUTE))).toBe('idle');
  });

  it('counts idle time from the last activity, not from sign-in', () => {
    const lastSeen = 2 * HOUR;
    expect(judgeSession(session(lastSeen), at(lastSeen + 29 * MINUTE))).toBe('active');
    expect(judgeSession(session(lastSeen), at(lastSeen + 30 * MINUTE))).toBe('idle');
  });
});

describe('absolute limit', () => {
  it('keeps a constantly active session usable 1 ms before 12 hours', () => {
    const now = at(12 * HOUR - 1);
    expect(judgeSession(session(12 * HOUR - MINUTE), now)).toBe('active');
  });

  it('ends even a constantly active session at exactly 12 hours after sign-in', () => {
    const now = at(12 * HOUR);
    expect(judgeSession(session(12 * HOUR - MINUTE), now)).toBe('expired');
  });

  it('reports the 12-hour limit rather than idleness when both have passed', () => {
    expect(judgeSession(session(0), at(13 * HOUR))).toBe('expired');
  });
});

describe('revoked sessions', () => {
  it('reads as revoked when ended on purpose (sign-out) while still active', () => {
    expect(judgeSession(session(10 * MINUTE, 11 * MINUTE), at(5 * HOUR))).toBe('revoked');
  });

  it('still reads as idle later when it was ended for being idle', () => {
    expect(judgeSession(session(0, 45 * MINUTE), at(5 * HOUR))).toBe('idle');
  });

  it('still reads as expired later when it was ended at the 12-hour limit', () => {
    expect(judgeSession(session(12 * HOUR - MINUTE, 12 * HOUR + MINUTE), at(20 * HOUR))).toBe('expired');
  });

  it('is never active once revoked, whatever the clock says', () => {
    expect(judgeSession(session(0, 1), at(1))).toBe('revoked');
    expect(judgeSession(session(0, 1), at(0))).toBe('revoked');
  });
});

describe('lastSeenAt throttling', () => {
  it('writes lastSeenAt at most once a minute', () => {
    expect(TOUCH_INTERVAL_MS).toBe(MINUTE);
    expect(shouldTouch(at(0), at(MINUTE - 1))).toBe(false);
    expect(shouldTouch(at(0), at(MINUTE))).toBe(true);
  });
});
