import { NextResponse } from 'next/server';

import { route } from '@/lib/http/route';
import { readiness } from '@/lib/ops/readiness-probe';
import { isStopping } from '@/lib/ops/shutdown';

// GET /api/ready – can this instance serve? Each check by name, ok or failing
// (lib/ops/readiness-probe.ts); 503 when any fails or the instance is stopping.
export const dynamic = 'force-dynamic';

export const GET = route('ops.ready', async () => {
  const { ready, checks } = await readiness();
  const stopping = isStopping();
  return NextResponse.json(
    { status: ready && !stopping ? 'ready' : 'not_ready', checks, ...(stopping ? { stopping: true } : {}) },
    { status: ready && !stopping ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
});
