import { NextResponse } from 'next/server';

import { route } from '@/lib/http/route';
import { isStopping } from '@/lib/ops/shutdown';

// GET /api/health – is this process alive and taking requests? No database: a
// proxy or orchestrator asks often. 503 once the instance has begun to stop,
// so the proxy sends new requests elsewhere while in-flight ones finish.
export const dynamic = 'force-dynamic';

export const GET = route('ops.health', async () =>
  isStopping()
    ? NextResponse.json({ status: 'stopping' }, { status: 503, headers: { 'Cache-Control': 'no-store' } })
    : NextResponse.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } }),
);
