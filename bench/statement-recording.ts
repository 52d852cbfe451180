// The page bench's view of PostgreSQL: every statement the portal sends while
// recording is on, with its time, and EXPLAIN output read into one line.
import { performance } from 'node:perf_hooks';

import pg from 'pg';

export type Recorded = { text: string; values: unknown[]; ms: number };
let recording: Recorded[] | null = null;
// Prisma's pg adapter sends through Pool#query (and Client#query inside a
// transaction); both hand back a promise when no callback is given: time those.
// Pool#query calls Client#query with a callback, so nothing is counted twice.
function recorded<T extends (...a: never[]) => unknown>(originalQuery: T): T {
  return function (this: unknown, ...callArgs: unknown[]) {
    const sink = recording;
    const result = (originalQuery as unknown as (...a: unknown[]) => unknown).apply(this, callArgs);
    if (!sink || !(result instanceof Promise)) return result;
    const first = callArgs[0] as string | { text: string; values?: unknown[] };
    const text = typeof first === 'string' ? first : first.text;
    const values = (typeof first === 'string' ? callArgs[1] : first.values) as unknown[] | undefined;
    const t = performance.now();
    return result.then((r: unknown) => {
      sink.push({ text, values: values ?? [], ms: performance.now() - t });
      return r;
    });
  } as unknown as T;
}

/** Patches pg's query methods; call once, before the portal's code connects. */
export function recordStatements(): void {
  pg.Client.prototype.query = recorded(pg.Client.prototype.query);
  pg.Pool.prototype.query = recorded(pg.Pool.prototype.query);
}

/** Records from now on into the returned list, until stopRecording(). */
export function startRecording(): Recorded[] {
  recording = [];
  return recording;
}

export function stopRecording(): void {
  recording = null;
}

/** "index: A, B; seq scan: C; 12.3 ms" from a text plan. */
export function summarisePlan(lines: string[]): string {
  const indexes = new Set<string>();
  const seq = new Set<string>();
  for (const line of lines) {
    const idx =
      /(?:Index Only Scan|Index Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) "?([\w]+)"?/.exec(line);
    if (idx) indexes.add(idx[1]!);
    const s = /Seq Scan on "?(\w+)"?/.exec(line);
    if (s) seq.add(s[1]!);
  }
  const exec = lines.map((l) => /Execution Time: ([\d.]+) ms/.exec(l)?.[1]).find(Boolean);
  return [
    indexes.size ? `index: ${[...indexes].join(', ')}` : null,
    seq.size ? `SEQ SCAN: ${[...seq].join(', ')}` : null,
    `${exec ?? '?'} ms`,
  ]
    .filter(Boolean)
    .join('; ');
}

export function oneLine(sql: string): string {
  const s = sql.replace(/\s+/g, ' ').replace(/"public"\./g, '');
  return s.length > 110 ? `${s.slice(0, 110)}…` : s;
}
