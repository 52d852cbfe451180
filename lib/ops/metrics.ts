// Process-local counters for Prometheus (each instance is scraped on its own,
// so they need not agree across instances), kept on globalThis because the
// route handlers and the metrics route may be bundled as separate copies of
// this module. Figures that must agree across instances (reminders, queue)
// are read from the database at scrape time instead (lib/ops/metrics-report.ts).
import 'server-only';

type Counters = { requests: Map<string, number>; webhookSignatureFailures: Map<string, number> };

const KEY = Symbol.for('telehealth.ops.metrics');

function counters(): Counters {
  const holder = globalThis as unknown as Record<symbol, Counters | undefined>;
  return (holder[KEY] ??= { requests: new Map(), webhookSignatureFailures: new Map() });
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** One answered request: the route's name (from route()), not its URL, so ids never become labels. */
export function countRequest(route: string, status: number): void {
  bump(counters().requests, JSON.stringify([route, String(status)]));
}

export function countWebhookSignatureFailure(route: string): void {
  bump(counters().webhookSignatureFailures, route);
}

export function requestCounts(): { route: string; status: string; count: number }[] {
  return [...counters().requests].map(([key, count]) => {
    const [route = '', status = ''] = JSON.parse(key) as string[];
    return { route, status, count };
  });
}

export function webhookSignatureFailureCounts(): { route: string; count: number }[] {
  return [...counters().webhookSignatureFailures].map(([route, count]) => ({ route, count }));
}

/** Tests only. */
export function resetMetricsForTests(): void {
  counters().requests.clear();
  counters().webhookSignatureFailures.clear();
}
