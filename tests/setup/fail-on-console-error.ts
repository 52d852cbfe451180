// A test that makes the code log console.error fails: unexpected errors are bugs.
import { afterEach, beforeEach, vi } from 'vitest';

let spy: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called: ${args.map(String).join(' ').slice(0, 500)}`);
  });
});

afterEach(() => {
  spy.mockRestore();
});
