// The logger's error lines, as tests see them. tests/setup/fail-on-console-error.ts
// records every `level: "error"` line written to stderr in this process and fails the
// test that caused it, unless the test declared it with expectLogError(): an error the
// code logs is a bug unless the test is about that error.
import { expect } from 'vitest';

type ErrorLine = { event: string; line: string };

const state = {
  seen: [] as ErrorLine[],
  allowed: [] as string[],
};

/** Called by the setup file for each chunk written to stderr. */
export function noteStderr(chunk: unknown): void {
  const text =
    typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString() : '';
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue;
    }
    const record = parsed as { level?: unknown; event?: unknown };
    if (record.level === 'error' && typeof record.event === 'string') {
      state.seen.push({ event: record.event, line: line.slice(0, 500) });
    }
  }
}

/** Error lines seen since the last reset that no expectLogError() allowed. */
export function unexpectedErrorLines(): ErrorLine[] {
  return state.seen.filter((entry) => !state.allowed.includes(entry.event));
}

export function resetLogCapture(): void {
  state.seen = [];
  state.allowed = [];
}

/**
 * Runs `fn`, allowing (and requiring) the logger to write an error line with this event.
 * The allowance lasts until the end of the test, so an error logged by work that `fn`
 * started but did not await is allowed too.
 */
export async function expectLogError<T>(event: string, fn: () => Promise<T> | T): Promise<T> {
  state.allowed.push(event);
  const before = state.seen.filter((entry) => entry.event === event).length;
  const result = await fn();
  const after = state.seen.filter((entry) => entry.event === event).length;
  expect(after, `expected the logger to write an error "${event}"`).toBeGreaterThan(before);
  return result;
}

/** Allows an error line with this event for the rest of the test without requiring it. */
export function allowLogError(event: string): void {
  state.allowed.push(event);
}
