// npm start — serves the production build. The environment is validated
// first, as production unless NODE_ENV says otherwise (what `next start`
// assumes too): a missing or malformed variable stops the start with a message
// naming it, before Next starts (Next alone would log the error and keep a
// broken server up that answers every request with 500).
//
// Next runs in this same process (its programmatic server on node:http), so
// the PID a process manager signals is the server itself: `npm start` execs
// node (package.json), and SIGTERM or SIGINT here stops the server gracefully
// within a bound (lib/ops/graceful-server.ts).
import { createServer } from 'node:http';
import path from 'node:path';

import { envOrExit } from '@/lib/env';
import { log } from '@/lib/log/logger';
import { stopGracefully } from '@/lib/ops/graceful-server';

const config = envOrExit('The portal', { defaultNodeEnv: 'production' });

/** `--hostname <h>` / `-H <h>` as `next start` took it; every interface by default. */
function hostnameArg(argv: string[]): string | undefined {
  const at = argv.findIndex((a) => a === '--hostname' || a === '-H');
  if (at >= 0) return argv[at + 1];
  return argv.find((a) => a.startsWith('--hostname='))?.slice('--hostname='.length);
}
const hostname = hostnameArg(process.argv.slice(2));

// Imported after the check: Next reads NODE_ENV (set to production above when unset) as it loads.
const { default: next } = await import('next');
const app = next({
  dev: false,
  dir: path.join(import.meta.dirname, '..'),
  port: config.PORT,
  ...(hostname ? { hostname } : {}),
});
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => void handle(req, res));
await new Promise<void>((resolve, reject) => {
  server.once('error', reject);
  server.listen(config.PORT, hostname, () => resolve());
});
log.info('server.started', { port: config.PORT });
console.log(`> Ready on http://${hostname ?? 'localhost'}:${config.PORT}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void stopGracefully(server, { signal }).then(({ forced }) => process.exit(forced ? 1 : 0));
  });
}
