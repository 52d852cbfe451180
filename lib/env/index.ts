import 'server-only';

// The one place that reads process.env. Validated once, on first import, which
// happens at start-up (instrumentation.ts for the web server, each script's
// entry for the worker and tools), so a bad value stops the start.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

import { EnvError, parseServerEnv, type ServerEnv } from './schema';

export { EnvError, type ServerEnv } from './schema';

let cached: ServerEnv | undefined;

/**
 * Scripts (dev, worker, migrate) read .env and .env.local like Next does for
 * the web server. Variables already set in the environment win.
 */
function loadDotEnvFiles(): void {
  // Next loads these files itself for the web server.
  if (process.env.NEXT_RUNTIME) return;
  for (const name of ['.env.local', '.env']) {
    const file = path.join(/*turbopackIgnore: true*/ process.cwd(), name);
    if (!existsSync(file)) continue;
    for (const [key, value] of Object.entries(parseEnv(readFileSync(file, 'utf8')))) {
      if (process.env[key] === undefined) process.env[key] = value;
    }
  }
}

export function env(): ServerEnv {
  if (!cached) {
    loadDotEnvFiles();
    cached = parseServerEnv(process.env);
  }
  return cached;
}

/**
 * For the commands that run the portal for real (`npm start`, `npm run worker`).
 * Like `next start`, they treat an unset NODE_ENV as production, so the
 * variables are checked against production's rules before anything starts: a
 * missing or malformed one exits 1 with its name (never its value). Children
 * inherit the same NODE_ENV, so what runs is what was checked.
 */
export function envOrExit(
  what: 'The portal' | 'The worker',
  options: { defaultNodeEnv?: 'production' } = {},
): ServerEnv {
  loadDotEnvFiles();
  if (options.defaultNodeEnv && !process.env.NODE_ENV)
    setEnvForThisProcess('NODE_ENV', options.defaultNodeEnv);
  try {
    return env();
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    const hint =
      process.env.NODE_ENV === 'production'
        ? '\nChecked as production (NODE_ENV unset or production); to try it locally without them, set NODE_ENV=development.'
        : '';
    process.stderr.write(
      `${what} cannot start. ${err.message}\nSee .env.example for what each variable holds.${hint}\n`,
    );
    process.exit(1);
  }
}

/** Whether a variable was given (environment or .env), rather than left to its default. */
export function isSet(key: keyof ServerEnv): boolean {
  loadDotEnvFiles();
  const value = process.env[key];
  return value !== undefined && value.trim() !== '';
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
