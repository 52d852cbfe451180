import { NextResponse } from 'next/server';
import { z } from 'zod';

import { requireApiUser } from '@/lib/auth/guards';
import { AppError } from '@/lib/errors/app-error';
import { parseWith, route } from '@/lib/http/route';
import { getTestRun } from '@/lib/readiness/tests/get-test-run';

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

// GET /api/admin/readiness/test-runs/:id – one post-upgrade test and the
// callbacks received so far; the readiness page polls it while a test runs.
export const GET = route<{ id: string }>('readiness.test_run', async (_request, { params }) => {
  await requireApiUser('readiness.manage');
  const { id } = parseWith(paramsSchema, params);
  const run = await getTestRun(id);
  if (!run) throw new AppError('NOT_FOUND', 'That test was not found.');
  return NextResponse.json(run, { headers: { 'Cache-Control': 'no-store' } });
});
