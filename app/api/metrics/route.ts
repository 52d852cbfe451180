import { route } from '@/lib/http/route';
import { metricsResponse } from '@/lib/ops/metrics-route';

// GET /api/metrics – Prometheus text format, for a scraper holding METRICS_TOKEN
// (Authorization: Bearer …). Without METRICS_TOKEN set it is a plain 404.
export const dynamic = 'force-dynamic';

export const GET = route('ops.metrics', async (request) =>
  metricsResponse(request.headers.get('authorization')),
);
