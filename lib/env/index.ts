import 'server-only';

// The one place that reads process.env. Validated once, on first import, which
// happens at start-up (instrumentation.ts for the web server, each script's
// entry for the worker and tools), so a bad value stops the start.
import { parseServerEnv, type ServerEnv } from './schema';

export { EnvError, type ServerEnv } from './schema';

let cached: ServerEnv | undefined;

export function env(): ServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}

/** Environment for a child process we start (dev orchestrator, test setup). */
export function childEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** For tooling that sets a resolved value (e.g. the embedded database URL) before the app reads env(). */
export function setEnvForThisProcess(key: string, value: string): void {
  process.env[key] = value;
  cached = undefined;
}
