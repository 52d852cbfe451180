// A test that makes the code log an error fails: unexpected errors are bugs.
// Both console.error and the structured logger's error lines (JSON on stderr) count;
// a test about an error declares it with expectLogError() (tests/helpers/log-capture.ts).
import { afterEach, beforeEach, expect, vi } from 'vitest';

import { noteStderr, resetLogCapture, unexpectedErrorLines } from '../helpers/log-capture';

let consoleSpy: ReturnType<typeof vi.spyOn>;
let stderrSpy: ReturnType<typeof vi.spyOn>;
const realWrite = process.stderr.write.bind(process.stderr);

beforeEach(() => {
  resetLogCapture();
  consoleSpy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called: ${args.map(String).join(' ').slice(0, 500)}`);
  });
  stderrSpy = vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
    noteStderr(chunk);
    return (realWrite as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write);
});

afterEach(() => {
  consoleSpy.mockRestore();
  stderrSpy.mockRestore();
  const unexpected = unexpectedErrorLines();
  resetLogCapture();
  expect(
    unexpected.map((entry) => entry.line),
    'the code logged an error this test did not expect (wrap the step in expectLogError if it is the point of the test)',
  ).toEqual([]);
});
