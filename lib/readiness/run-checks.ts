import 'server-only';

// Runs the checks side by side. A check that throws or takes too long is
// reported as failed rather than breaking the page or the CLI.
import { log } from '@/lib/log/logger';

import type { ReadinessContext } from './context';
import type { ReadinessCheck } from './define-check';
import { readinessChecks } from './registry';
import type { CheckOutcome, CheckResult } from './types';

const checkTimeoutMs = 30_000;

export async function runOne(check: ReadinessCheck, ctx: ReadinessContext): Promise<CheckResult> {
  const started = Date.now();
  let outcome: CheckOutcome;
  let timer: NodeJS.Timeout | undefined;
  try {
    outcome = await Promise.race([
      check.run(ctx),
      new Promise<CheckOutcome>((resolve) => {
        timer = setTimeout(
          () =>
            resolve({
              status: 'fail',
              summary: `The check did not finish within ${checkTimeoutMs / 1000} seconds.`,
              fix: 'Run the checks again; if it keeps timing out, check that this server can reach Twilio.',
            }),
          checkTimeoutMs,
        );
      }),
    ]);
  } catch (err) {
    log.error('readiness.check_crashed', {
      check: check.id,
      errorName: err instanceof Error ? err.name : typeof err,
    });
    outcome = {
      status: 'fail',
      summary: 'The check itself failed unexpectedly.',
      fix: 'Run the checks again; if it keeps failing, look in the server log for readiness.check_crashed.',
    };
  } finally {
    clearTimeout(timer);
  }
  return {
    id: check.id,
    title: check.title,
    group: check.group,
    ...outcome,
    durationMs: Date.now() - started,
  };
}

export async function runReadinessChecks(
  ctx: ReadinessContext,
  checks: ReadinessCheck[] = readinessChecks,
): Promise<CheckResult[]> {
  const results = await Promise.all(checks.map((check) => runOne(check, ctx)));
  log.info('readiness.checked', {
    pass: results.filter((r) => r.status === 'pass').length,
    warn: results.filter((r) => r.status === 'warn').length,
    fail: results.filter((r) => r.status === 'fail').length,
  });
  return results;
}
