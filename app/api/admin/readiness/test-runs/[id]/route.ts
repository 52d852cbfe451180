import { NextResponse } from 'next/server';

import { requireApiUser } from '@/lib/auth/guards';
import { AppError } from '@/lib/errors/app-error';
import { idParamsSchema, route } from '@/lib/http/route';
import { getTestRun } from '@/lib/readiness/tests/get-test-run';

// GET /api/admin/readiness/test-runs/:id – one post-upgrade test and the
// callbacks received so far; the readiness page polls it while a test runs.
export const GET = route('readiness.test_run', { params: idParamsSchema }, async (_request, { params }) => {
  await requireApiUser('readiness.manage');
  const run = await getTestRun(params.id);
  if (!run) throw new AppError('NOT_FOUND', 'That test was not found.');
  return NextResponse.json(run, { headers: { 'Cache-Control': 'no-store' } });
});
