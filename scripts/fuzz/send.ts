// Sends fuzz cases to a running server and tallies the answers: 5xx answers
// and connection failures (the server died or reset the connection) are what
// the run must not see. Loopback only: any other address is refused.
import type { FuzzCase } from './cases';

export type Outcome =
  { kind: 'status'; status: number } | { kind: 'timeout' } | { kind: 'connection'; error: string };

export type Tally = {
  requests: number;
  byStatus: Map<number, number>;
  serverErrors: Array<{ name: string; status: number }>;
  connectionErrors: Array<{ name: string; error: string }>;
  timeouts: number;
};

export function newTally(): Tally {
  return { requests: 0, byStatus: new Map(), serverErrors: [], connectionErrors: [], timeouts: 0 };
}

export function assertLoopback(baseUrl: string): void {
  const host = new URL(baseUrl).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host)) {
    throw new Error(`The fuzz harness only sends to this machine (loopback), not to ${host}.`);
  }
}

export async function sendCase(baseUrl: string, c: FuzzCase, timeoutMs = 10_000): Promise<Outcome> {
  try {
    const response = await fetch(`${baseUrl}${c.path}`, {
      method: c.method,
      headers: c.headers,
      body: c.body === undefined ? undefined : typeof c.body === 'string' ? c.body : Buffer.from(c.body),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Streams (server-sent events) stay open: the status line is the answer, the rest is dropped.
    // Anything else is read to the end, as a browser does, so the connection is not cut mid-answer.
    if (response.headers.get('content-type')?.includes('text/event-stream')) {
      await response.body?.cancel().catch(() => {});
    } else {
      await response.arrayBuffer();
    }
    return { kind: 'status', status: response.status };
  } catch (err) {
    const error = err as Error & { cause?: { code?: string; message?: string } };
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return { kind: 'timeout' };
    return { kind: 'connection', error: error.cause?.code ?? error.cause?.message ?? error.message };
  }
}

export function record(tally: Tally, c: FuzzCase, outcome: Outcome): void {
  tally.requests += 1;
  if (outcome.kind === 'timeout') tally.timeouts += 1;
  else if (outcome.kind === 'connection') tally.connectionErrors.push({ name: c.name, error: outcome.error });
  else {
    tally.byStatus.set(outcome.status, (tally.byStatus.get(outcome.status) ?? 0) + 1);
    if (outcome.status >= 500) tally.serverErrors.push({ name: c.name, status: outcome.status });
  }
}

/** Runs cases with `concurrency` in flight until `count` were sent or `deadline` (ms since epoch) passed. */
export async function runCases(
  baseUrl: string,
  cases: Iterator<FuzzCase>,
  {
    count,
    concurrency,
    deadline,
    tally,
    onProgress,
  }: {
    count: number;
    concurrency: number;
    deadline: number;
    tally: Tally;
    onProgress?: (tally: Tally) => void;
  },
): Promise<Tally> {
  assertLoopback(baseUrl);
  let started = 0;
  async function lane() {
    while (started < count && Date.now() < deadline) {
      started += 1;
      const next = cases.next();
      if (next.done) return;
      record(tally, next.value, await sendCase(baseUrl, next.value));
      if (onProgress && tally.requests % 500 === 0) onProgress(tally);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane));
  return tally;
}
