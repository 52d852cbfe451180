import 'server-only';

// What the readiness page shows: every check that only reads, run now, and for
// each check that would create something at Twilio, its last stored result
// (run when an admin asked). Reading this never creates anything at Twilio.
import { db } from '@/lib/db/client';

import type { ReadinessContext } from './context';
import type { ReadinessCheck } from './define-check';
import { readinessChecks } from './registry';
import { runReadinessChecks } from './run-checks';
import type { CheckResult, CheckStatus } from './types';

export async function getReadinessResults(
  clinicId: string,
  ctx: ReadinessContext,
  checks: ReadinessCheck[] = readinessChecks,
): Promise<CheckResult[]> {
  const onRequest = checks.filter((c) => c.createsAtTwilio);
  const [ran, stored] = await Promise.all([
    runReadinessChecks(
      ctx,
      checks.filter((c) => !c.createsAtTwilio),
    ),
    onRequest.length === 0
      ? Promise.resolve([])
      : db().readinessCheckRun.findMany({
          where: { clinicId, checkId: { in: onRequest.map((c) => c.id) } },
        }),
  ]);
  const users = await db().user.findMany({
    where: { id: { in: stored.map((s) => s.ranById) } },
    select: { id: true, name: true },
  });
  const names = new Map(users.map((u) => [u.id, u.name]));
  const byId = new Map(ran.map((r) => [r.id, r]));
  return checks.map((check) => {
    const result = byId.get(check.id);
    if (result) return result;
    const last = stored.find((s) => s.checkId === check.id);
    const base = { id: check.id, title: check.title, group: check.group };
    const creates = check.createsAtTwilio!;
    if (!last) {
      return {
        ...base,
        status: 'warn',
        summary: 'Not run yet: this check creates something at Twilio, so it runs only when you ask.',
        fix: `Run it with the button below. It creates ${creates}.`,
        durationMs: 0,
        onRequest: { creates, ranAt: null, ranByName: null },
      };
    }
    return {
      ...base,
      status: last.status as CheckStatus,
      summary: last.summary,
      fix: last.fix,
      details: last.details,
      durationMs: last.durationMs,
      onRequest: { creates, ranAt: last.ranAt, ranByName: names.get(last.ranById) ?? 'a former user' },
    };
  });
}
