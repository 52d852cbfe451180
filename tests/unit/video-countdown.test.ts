// The too-early screen's countdown: only within the last hour, and screen
// readers hear minutes now and then, never "4195 minutes".
import { describe, expect, it } from 'vitest';

import { dayAndDate } from '@/components/video/format-time';
import { countdownWords } from '@/components/video/join-status';

const MIN = 60_000;

describe('countdownWords', () => {
  it('shows no countdown when joining opens more than an hour from now', () => {
    expect(countdownWords(4195 * MIN)).toBeNull();
    expect(countdownWords(60 * MIN + 1000)).toBeNull();
  });

  it('counts down within the last hour, with seconds shown and minutes spoken', () => {
    const words = countdownWords(12 * MIN + 5000)!;
    expect(words.shown).toBe('12 minutes 5 seconds');
    expect(words.spoken).toBe('You can join within 15 minutes.');
  });

  it('speaks each minute in the last five', () => {
    expect(countdownWords(4 * MIN + 10_000)!.spoken).toBe('You can join in 5 minutes.');
    expect(countdownWords(30_000)!.spoken).toBe('You can join in 1 minute.');
  });

  it('changes what screen readers hear only every five minutes before that', () => {
    const heard = new Set<string>();
    for (let s = 60 * 60; s > 5 * 60; s -= 1) heard.add(countdownWords(s * 1000)!.spoken);
    expect(heard.size).toBe(11);
  });

  it('has nothing to count once joining is open', () => {
    expect(countdownWords(0)).toBeNull();
  });
});

describe('dayAndDate', () => {
  it('names the weekday and date in the patient’s own zone', () => {
    // 23:00 UTC on Sunday 6 December is 10:00 am on Monday 7 December in Sydney.
    expect(dayAndDate('2026-12-06T23:00:00Z', 'Australia/Sydney')).toBe('Monday 7 December');
    expect(dayAndDate('2026-12-06T23:00:00Z', 'Australia/Perth')).toBe('Monday 7 December');
    expect(dayAndDate('2026-12-06T15:00:00Z', 'Australia/Perth')).toBe('Sunday 6 December');
  });
});
