// The answer of GET /api/metrics: 404 when no METRICS_TOKEN is configured (the
// route is not there, as far as anyone can tell), 401 without the right bearer
// token (compared in constant time), otherwise the Prometheus text.
import 'server-only';

import { createHash, timingSafeEqual } from 'node:crypto';

import { NextResponse } from 'next/server';

import { env } from '@/lib/env';

import { collectMetrics } from './metrics-report';
import { PROMETHEUS_CONTENT_TYPE, renderPrometheus } from './prometheus';

/** Equal-length digests, so neither the token's length nor its content leaks through timing. */
export function tokenMatches(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export async function metricsResponse(authorization: string | null): Promise<Response> {
  const expected = env().METRICS_TOKEN;
  if (!expected) {
    return NextResponse.json(
      { error: { code: 'NOT_FOUND', message: 'Nothing is found at this address.' } },
      { status: 404 },
    );
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match?.[1] || !tokenMatches(match[1], expected)) {
    return NextResponse.json(
      {
        error: {
          code: 'UNAUTHENTICATED',
          message: 'Send the metrics token as "Authorization: Bearer <token>".',
        },
      },
      { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="metrics"' } },
    );
  }
  const body = renderPrometheus(await collectMetrics());
  return new Response(body, {
    headers: { 'Content-Type': PROMETHEUS_CONTENT_TYPE, 'Cache-Control': 'no-store' },
  });
}
