import 'server-only';

// An admin asks for a check that creates something at Twilio (the test room):
// it runs once, now, and its result is kept in PostgreSQL (one row per clinic
// and check) so the page shows it, with its time, without running it again.
import { z } from 'zod';

import { recordChange } from '@/lib/audit/record-change';
import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { parseInput } from '@/lib/schemas/parse-input';

import type { ReadinessContext } from './context';
import type { ReadinessCheck } from './define-check';
import { readinessChecks } from './registry';
import { runOne } from './run-checks';
import type { CheckResult } from './types';

export const checkOnRequestSchema = z.object({
  checkId: z.string().trim().min(1, 'Choose a check to run.').max(64, 'Choose a check to run.'),
});

export function checksOnRequest(checks: ReadinessCheck[] = readinessChecks): ReadinessCheck[] {
  return checks.filter((c) => c.createsAtTwilio);
}

export async function runCheckOnRequest(
  actor: SessionUser,
  input: unknown,
  ctx: ReadinessContext,
  checks: ReadinessCheck[] = readinessChecks,
): Promise<CheckResult> {
  assertCan(actor, 'readiness.manage');
  const { checkId } = parseInput(checkOnRequestSchema, input);
  const check = checksOnRequest(checks).find((c) => c.id === checkId);
  if (!check) throw new AppError('NOT_FOUND', 'There is no check by that name to run on request.');
  const result = await runOne(check, ctx);
  const row = {
    status: result.status,
    summary: result.summary,
    fix: result.fix,
    details: result.details ?? [],
    durationMs: result.durationMs,
    ranById: actor.id,
    ranAt: ctx.now,
  };
  await db().$transaction(async (tx) => {
    await tx.readinessCheckRun.upsert({
      where: { clinicId_checkId: { clinicId: actor.clinicId, checkId } },
      create: { clinicId: actor.clinicId, checkId, ...row },
      update: row,
    });
    await recordChange(tx, actor, 'CREATE', {
      type: 'ReadinessCheckRun',
      id: checkId,
      detail: { event: 'ran', check: checkId, status: result.status },
    });
  });
  return { ...result, onRequest: { creates: check.createsAtTwilio!, ranAt: ctx.now, ranByName: actor.name } };
}
