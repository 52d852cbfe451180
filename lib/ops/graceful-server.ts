// How a web server instance stops (SIGTERM from systemd or a process manager):
// health turns 503 so the proxy sends new requests elsewhere, every open event
// stream is told to reconnect and closed, the listener stops accepting, and
// in-flight requests finish. Whatever is still open at the bound (10 s) is cut
// and logged, so a stop never hangs.
import 'server-only';

import type { Server } from 'node:http';

import { disconnectDb } from '@/lib/db/client';
import { log } from '@/lib/log/logger';

import { beginShutdown } from './shutdown';

export const WEB_STOP_BOUND_MS = 10_000;

export async function stopGracefully(
  server: Server,
  options: { signal: string; boundMs?: number; now?: () => number },
): Promise<{ forced: boolean; ms: number }> {
  const now = options.now ?? (() => performance.now());
  const bound = options.boundMs ?? WEB_STOP_BOUND_MS;
  const started = now();
  log.info('server.stopping', { signal: options.signal });
  const streams = beginShutdown();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections go as soon as they are idle: a request in flight finishes first.
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  let timer: NodeJS.Timeout | undefined;
  const forced = await Promise.race([
    closed.then(() => false),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), bound);
    }),
  ]);
  clearInterval(sweep);
  clearTimeout(timer);
  if (forced) {
    server.closeAllConnections();
    log.warn('server.forced_stop', { boundMs: bound, ms: Math.round(now() - started) });
  }
  await disconnectDb().catch(() => {});
  const ms = Math.round(now() - started);
  log.info('server.stopped', { signal: options.signal, ms, streamsClosed: streams, forced });
  return { forced, ms };
}
