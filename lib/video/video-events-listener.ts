// One LISTEN connection per server instance, shared by every open event
// stream on it. NOTIFY reaches all instances, so a patient connected to one
// instance hears about an admission made on another. A dedicated pg client
// (not the Prisma pool): LISTEN holds its connection for as long as it lasts.
//
// If the connection drops, it is re-opened with backoff and every subscriber
// is told to re-read ("resync"), since notices sent meanwhile were missed.
import 'server-only';

import pg from 'pg';

import { databaseUrl } from '@/lib/db/client';
import { errorFields, log } from '@/lib/log/logger';

import { parseVideoNotice, VIDEO_NOTIFY_CHANNEL, type VideoNotice } from './notify-video-change';

type Listener = (notice: VideoNotice) => void;

type State = {
  client: pg.Client | null;
  connecting: Promise<void> | null;
  subscribers: Map<string, Set<Listener>>;
  retryMs: number;
  retryTimer: NodeJS.Timeout | null;
  closing: boolean;
};

const globalForListener = globalThis as unknown as { videoEventsListener?: State };

function state(): State {
  globalForListener.videoEventsListener ??= {
    client: null,
    connecting: null,
    subscribers: new Map(),
    retryMs: 500,
    retryTimer: null,
    closing: false,
  };
  return globalForListener.videoEventsListener;
}

function dispatch(notice: VideoNotice): void {
  for (const listener of state().subscribers.get(notice.sessionId) ?? []) listener(notice);
}

function resyncAll(): void {
  for (const [sessionId, listeners] of state().subscribers) {
    for (const listener of listeners) listener({ sessionId, change: 'resync' });
  }
}

async function connect(): Promise<void> {
  const s = state();
  const client = new pg.Client({ connectionString: databaseUrl(), application_name: 'video-events' });
  client.on('notification', (message) => {
    const notice = parseVideoNotice(message.payload);
    if (notice) dispatch(notice);
  });
  const lost = (err?: unknown) => {
    if (s.client !== client) return;
    s.client = null;
    client.removeAllListeners('notification');
    client.end().catch(() => {});
    if (s.closing || s.subscribers.size === 0) return;
    log.warn('video.events_listener_lost', err ? errorFields(err) : {});
    scheduleReconnect();
  };
  client.on('error', lost);
  client.on('end', () => lost());
  await client.connect();
  await client.query(`LISTEN ${VIDEO_NOTIFY_CHANNEL}`);
  s.client = client;
  s.retryMs = 500;
}

function scheduleReconnect(): void {
  const s = state();
  if (s.retryTimer) return;
  const delay = s.retryMs;
  s.retryMs = Math.min(s.retryMs * 2, 30_000);
  s.retryTimer = setTimeout(() => {
    s.retryTimer = null;
    ensureConnected()
      .then(resyncAll)
      .catch((err) => {
        log.warn('video.events_listener_retry_failed', errorFields(err));
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

/**
 * Calls `listener` for every change of the session, from any instance. Resolves
 * once listening, so a caller that reads state afterwards misses nothing.
 */
export async function subscribeVideoEvents(sessionId: string, listener: Listener): Promise<() => void> {
  const s = state();
  let set = s.subscribers.get(sessionId);
  if (!set) s.subscribers.set(sessionId, (set = new Set()));
  set.add(listener);
  try {
    await ensureConnected();
  } catch (err) {
    log.warn('video.events_listener_connect_failed', errorFields(err));
    scheduleReconnect();
  }
  return () => {
    const current = s.subscribers.get(sessionId);
    current?.delete(listener);
    if (current?.size === 0) s.subscribers.delete(sessionId);
  };
}

/** Closes the LISTEN connection (tests, and shutdown). */
export async function closeVideoEventsListener(): Promise<void> {
  const s = state();
  s.closing = true;
  if (s.retryTimer) clearTimeout(s.retryTimer);
  s.retryTimer = null;
  const client = s.client;
  s.client = null;
  await client?.end().catch(() => {});
}
