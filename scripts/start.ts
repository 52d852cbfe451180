// npm start — serves the production build. The environment is validated
// first: a missing or malformed variable stops the start with a message
// naming it (Next alone would log the error and keep a broken server up).
import { spawn } from 'node:child_process';
import path from 'node:path';

import { EnvError, env } from '@/lib/env';

try {
  env();
} catch (err) {
  if (err instanceof EnvError) {
    console.error(`The portal cannot start. ${err.message}\nSee .env.example for what each variable holds.`);
    process.exit(1);
  }
  throw err;
}

const next = spawn(
  path.join(import.meta.dirname, '..', 'node_modules', '.bin', 'next'),
  ['start', '--port', String(env().PORT), ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => next.kill(signal));
next.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
