// npm run check:twilio [-- --json] — the go-live checklist in a terminal: the
// same checks as Admin → Readiness, against the configured Twilio account (the
// emulator that `npm run dev` runs, in development). Exits 1 when any check
// fails, 0 otherwise (warnings included), 2 on bad arguments.
import { parseArgs } from 'node:util';

import { disconnectDb } from '@/lib/db/client';
import { resolveDatabase } from '@/tools/local-database';
import { env, EnvError, setEnvForThisProcess } from '@/lib/env';
import { buildReadinessContext } from '@/lib/readiness/build-context';
import { exitCodeFor, formatResultsJson, formatResultsText } from '@/lib/readiness/format-results';
import { loadReadinessInputs, type ReadinessInputs } from '@/lib/readiness/load-readiness-inputs';
import { runReadinessChecks } from '@/lib/readiness/run-checks';
import type { CheckResult } from '@/lib/readiness/types';

import { emulatorCredentials, wantsEmulator } from './dev-services';

let json = false;
try {
  json = parseArgs({ options: { json: { type: 'boolean' } }, strict: true }).values.json ?? false;
} catch (err) {
  process.stderr.write(
    `check:twilio: ${err instanceof Error ? err.message : 'bad arguments'}\nusage: npm run check:twilio [-- --json]\n`,
  );
  process.exit(2);
}

function finish(results: CheckResult[]): never {
  process.stdout.write(`${json ? formatResultsJson(results) : formatResultsText(results)}\n`);
  // The database pool and the Wasm engine hold timers: leave explicitly.
  process.exit(exitCodeFor(results));
}

let config;
try {
  config = env();
} catch (err) {
  if (!(err instanceof EnvError)) throw err;
  finish([
    {
      id: 'env-variables',
      title: 'Twilio settings present and well-formed',
      group: 'configuration',
      status: 'fail',
      summary: 'The environment has invalid values, so the portal would not start.',
      fix: 'Correct the variables named below (see .env.example), then run this again.',
      details: err.problems,
      durationMs: 0,
    },
  ]);
}

// In development with nothing configured, check the emulator `npm run dev` runs on port 3999.
if (config.NODE_ENV !== 'production' && wantsEmulator(config)) {
  const url = 'http://127.0.0.1:3999';
  const up = await fetch(`${url}/__emulator/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (up) {
    const credentials = await emulatorCredentials(config);
    for (const [key, value] of Object.entries(credentials)) setEnvForThisProcess(key, value);
    setEnvForThisProcess('TWILIO_EMULATOR_URL', url);
    if (!config.TWILIO_STATUS_CALLBACK_URL) {
      setEnvForThisProcess(
        'TWILIO_STATUS_CALLBACK_URL',
        `http://localhost:${config.PORT}/api/appointments/twilio-status-callback/`,
      );
    }
    if (!json)
      process.stderr.write(`Checking the local Twilio emulator at ${url} (started by npm run dev).\n`);
  }
}

let inputs: ReadinessInputs | undefined;
let embedded: Awaited<ReturnType<typeof resolveDatabase>>['embedded'] = null;
try {
  const target = await resolveDatabase();
  embedded = target.embedded;
  setEnvForThisProcess('DATABASE_URL', target.url);
  inputs = await loadReadinessInputs();
} catch {
  // Without the database the checks still run, against the default settings and with nothing ticked.
  if (!json)
    process.stderr.write(
      'The database could not be read: using default settings, with no manual items ticked.\n',
    );
}

const results = await runReadinessChecks(buildReadinessContext(inputs ?? {}));
await disconnectDb().catch(() => {});
await embedded?.stop().catch(() => {});
finish(results);
