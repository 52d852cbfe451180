// One LISTEN connection per process for the portal's own notices (settings
// changed, sessions ended), shared by every cache and stream that follows
// them. The database sends these from triggers, on commit
// (prisma/migrations/*_settings_and_session_notices).
//
// A notice sent while the connection is down is lost, so every handler is
// told to `reset` when the connection drops and again once it is back: caches
// drop everything, streams re-check. Until it is back, `isListening()` is
// false and caches must not trust what they hold.
import 'server-only';

import pg from 'pg';

import { databaseUrl } from '@/lib/db/client';
import { errorFields, log } from '@/lib/log/logger';

export type NoticeHandler = {
  notice: (payload: string) => void;
  /** Notices may have been missed: forget or re-check everything. */
  reset: () => void;
};

type State = {
  client: pg.Client | null;
  connecting: Promise<void> | null;
  handlers: Map<string, Set<NoticeHandler>>;
  retryMs: number;
  retryTimer: NodeJS.Timeout | null;
  closing: boolean;
};

const globalForNotices = globalThis as unknown as { notifyListener?: State };

function state(): State {
  globalForNotices.notifyListener ??= {
    client: null,
    connecting: null,
    handlers: new Map(),
    retryMs: 250,
    retryTimer: null,
    closing: false,
  };
  return globalForNotices.notifyListener;
}

function resetAll(): void {
  for (const set of state().handlers.values()) {
    for (const handler of set) {
      try {
        handler.reset();
      } catch (err) {
        log.error('db.notice_handler_failed', errorFields(err));
      }
    }
  }
}

const quoteChannel = (channel: string) => `"${channel.replace(/"/g, '""')}"`;

async function connect(): Promise<void> {
  const s = state();
  const client = new pg.Client({ connectionString: databaseUrl(), application_name: 'portal-notices' });
  client.on('notification', (message) => {
    for (const handler of s.handlers.get(message.channel) ?? []) {
      try {
        handler.notice(message.payload ?? '');
      } catch (err) {
        log.error('db.notice_handler_failed', errorFields(err));
      }
    }
  });
  const lost = (err?: unknown) => {
    if (s.client !== client) return;
    s.client = null;
    client.removeAllListeners('notification');
    client.end().catch(() => {});
    if (s.closing) return;
    log.warn('db.notice_listener_lost', err ? errorFields(err) : {});
    resetAll();
    scheduleReconnect();
  };
  client.on('error', lost);
  client.on('end', () => lost());
  await client.connect();
  for (const channel of s.handlers.keys()) await client.query(`LISTEN ${quoteChannel(channel)}`);
  // Listening must never keep a script or a stopping worker alive.
  (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
  s.client = client;
  s.retryMs = 250;
}

function scheduleReconnect(): void {
  const s = state();
  if (s.retryTimer || s.closing) return;
  const delay = s.retryMs;
  s.retryMs = Math.min(s.retryMs * 2, 10_000);
  s.retryTimer = setTimeout(() => {
    s.retryTimer = null;
    ensureConnected()
      // Whatever was sent while the connection was down was missed.
      .then(resetAll)
      .catch((err) => {
        log.warn('db.notice_listener_retry_failed', errorFields(err));
        scheduleReconnect();
      });
  }, delay);
  s.retryTimer.unref?.();
}

function ensureConnected(): Promise<void> {
  const s = state();
  if (s.client) return Promise.resolve();
  s.closing = false;
  s.connecting ??= connect().finally(() => {
    s.connecting = null;
  });
  return s.connecting;
}

/** Whether notices are arriving now (a connection is up and listening). */
export function isListening(): boolean {
  return state().client !== null;
}

/**
 * Calls `handler.notice` for every notice on `channel`, from any process.
 * Resolves once listening (or once a first attempt failed; it then retries),
 * so a caller that reads afterwards misses nothing.
 */
export async function listenForNotices(channel: string, handler: NoticeHandler): Promise<() => void> {
  const s = state();
  let set = s.handlers.get(channel);
  const added = !set;
  if (!set) s.handlers.set(channel, (set = new Set()));
  set.add(handler);
  try {
    if (s.client && added) await s.client.query(`LISTEN ${quoteChannel(channel)}`);
    else await ensureConnected();
  } catch (err) {
    log.warn('db.notice_listener_connect_failed', errorFields(err));
    scheduleReconnect();
  }
  return () => {
    s.handlers.get(channel)?.delete(handler);
  };
}

/** Closes the connection (tests, and shutdown). Handlers stay registered for a later reconnect. */
export async function closeNotifyListener(): Promise<void> {
  const s = state();
  s.closing = true;
  if (s.retryTimer) clearTimeout(s.retryTimer);
  s.retryTimer = null;
  await s.connecting?.catch(() => {});
  const client = s.client;
  s.client = null;
  await client?.end().catch(() => {});
}

/** Tests only: drop the connection as a network fault would, so it reconnects. */
export function dropNotifyConnectionForTest(): void {
  state().client?.emit('error', new Error('connection dropped (test)'));
}
