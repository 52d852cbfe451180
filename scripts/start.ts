// npm start — serves the production build. The environment is validated
// first, as production unless NODE_ENV says otherwise (what `next start`
// assumes too): a missing or malformed variable stops the start with a message
// naming it, before Next starts (Next alone would log the error and keep a
// broken server up that answers every request with 500).
import { spawn } from 'node:child_process';
import path from 'node:path';

import { envOrExit } from '@/lib/env';

const config = envOrExit('The portal', { defaultNodeEnv: 'production' });

// Next inherits this process's environment, NODE_ENV included: it runs what was checked.
const next = spawn(
  path.join(import.meta.dirname, '..', 'node_modules', '.bin', 'next'),
  ['start', '--port', String(config.PORT), ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => next.kill(signal));
next.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
