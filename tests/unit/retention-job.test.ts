// The retention job is one of the worker's scheduled jobs, once a day, and the
// policy names every rule once (counts, logs and the audit entry use the names).
import { describe, expect, it } from 'vitest';

import { jobs } from '@/lib/worker/registry';
import { retentionRules } from '@/lib/retention/retention-policy';

describe('retention job', () => {
  it('is scheduled by the worker once a day at 15:30 UTC (02:30 in Sydney in summer)', () => {
    const job = jobs.find((j) => j.name === 'retention.apply');
    expect(job?.cron).toBe('30 15 * * *');
    expect(job?.payload.safeParse({}).success).toBe(true);
  });

  it('names each rule once, appointments before patients so a patient goes with their last appointment', () => {
    const names = retentionRules.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.indexOf('appointments')).toBeLessThan(names.indexOf('patients'));
  });
});
