import { describe, expect, it } from 'vitest';

import { exitCodeFor, formatResultsJson, formatResultsText } from '@/lib/readiness/format-results';
import type { CheckResult } from '@/lib/readiness/types';

const result = (id: string, status: CheckResult['status'], fix: string | null = null): CheckResult => ({
  id,
  title: `Title ${id}`,
  group: 'account',
  status,
  summary: `Summary ${id}.`,
  fix,
  details: [`Detail ${id}.`],
  durationMs: 3,
});

describe('check:twilio output', () => {
  it('exits non-zero when any check fails, zero when only warnings remain', () => {
    expect(exitCodeFor([result('a', 'pass'), result('b', 'fail', 'Do X.')])).toBe(1);
    expect(exitCodeFor([result('a', 'pass'), result('b', 'warn', 'Do Y.')])).toBe(0);
  });

  it('prints each check with its status, summary and one-sentence fix, grouped, with totals', () => {
    const text = formatResultsText([result('a', 'pass'), result('b', 'fail', 'Do X.')]);
    expect(text).toContain('Twilio account');
    expect(text).toContain('[PASS] Title a');
    expect(text).toContain('[FAIL] Title b');
    expect(text).toContain('Fix: Do X.');
    expect(text).toContain('1 passed, 0 warnings, 1 failed.');
  });

  it('gives machines JSON with ok=false and every result, without timings', () => {
    const parsed = JSON.parse(formatResultsJson([result('a', 'pass'), result('b', 'fail', 'Do X.')])) as {
      ok: boolean;
      results: Array<Record<string, unknown>>;
    };
    expect(parsed.ok).toBe(false);
    expect(parsed.results[1]).toEqual({
      id: 'b',
      title: 'Title b',
      group: 'account',
      status: 'fail',
      summary: 'Summary b.',
      fix: 'Do X.',
      details: ['Detail b.'],
    });
  });
});
