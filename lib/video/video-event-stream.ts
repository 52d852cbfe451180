// A server-sent-events response that sends the caller's view of a session now
// and again after every change (from any server instance, via LISTEN/NOTIFY).
// Each message is the full state read from the database, so a browser never
// has to trust itself about admission; the token route checks it again anyway.
//
// Browsers read it with fetch() and a stream reader (not EventSource), so the
// link token travels in an Authorization header and never in a URL.
import 'server-only';

import { isAppError } from '@/lib/errors/app-error';
import { errorFields, log } from '@/lib/log/logger';
import { RECONNECT_EVENT, registerStream } from '@/lib/ops/shutdown';

import { startGuard, type GuardHandle, type StreamGuard } from './stream-guard';
import { subscribeVideoEvents } from './video-events-listener';

const HEARTBEAT_MS = 20_000;
/** Re-read even without a notice: a link expires at its window's end with nobody changing anything. */
const REFRESH_MS = 15_000;

export type VideoEventStreamOptions = {
  sessionId: string;
  signal: AbortSignal;
  readState: () => Promise<unknown>;
  heartbeatMs?: number;
  /** For a signed-in person's stream: ends it, silently, once their session ends. */
  guard?: StreamGuard;
  refreshMs?: number;
};

export function videoEventStream({
  sessionId,
  signal,
  readState,
  heartbeatMs = HEARTBEAT_MS,
  guard,
  refreshMs = REFRESH_MS,
}: VideoEventStreamOptions): Response {
  const encoder = new TextEncoder();
  let unsubscribe: (() => void) | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let closed = false;
  let running = false;
  let dirty = false;
  let lastSent = '';
  let eventId = 0;
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | null = null;
  let guarded: GuardHandle | null = null;
  let refresh: NodeJS.Timeout | null = null;
  let unregisterStream: (() => void) | null = null;

  const cleanup = () => {
    if (closed) return;
    closed = true;
    unregisterStream?.();
    unsubscribe?.();
    if (heartbeat) clearInterval(heartbeat);
    guarded?.stop();
    if (refresh) clearInterval(refresh);
    signal.removeEventListener('abort', onAbort);
  };
  const write = (text: string) => {
    if (!closed) controllerRef?.enqueue(encoder.encode(text));
  };
  const finish = () => {
    if (closed) return;
    cleanup();
    try {
      controllerRef?.close();
    } catch {
      // already closed by the reader
    }
  };
  const onAbort = () => finish();

  const push = async () => {
    dirty = true;
    if (running) return;
    running = true;
    try {
      while (dirty && !closed) {
        dirty = false;
        const state = JSON.stringify(await readState());
        // Checked after the read, so nothing read for an ended session is sent.
        if (guarded && !(await guarded.allowed())) return;
        if (state !== lastSent) {
          lastSent = state;
          write(`id: ${++eventId}\nevent: state\ndata: ${state}\n\n`);
        }
      }
    } catch (err) {
      if (isAppError(err)) {
        // A link that died meanwhile: what happened and the clinic's phone (details), no state.
        const data = JSON.stringify({ ...err.details, code: err.code, message: err.message });
        write(`event: error\ndata: ${data}\n\n`);
      } else {
        log.error('video.event_stream_failed', { sessionId, ...errorFields(err) });
      }
      finish();
    } finally {
      running = false;
    }
  };

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controllerRef = controller;
      if (signal.aborted) return finish();
      signal.addEventListener('abort', onAbort);
      write('retry: 3000\n\n');
      // The instance stopping: tell the client to reconnect (to another instance), then close.
      unregisterStream = registerStream(() => {
        write(RECONNECT_EVENT);
        finish();
      });
      // Listen first, then read: a change made in between is not missed.
      unsubscribe = await subscribeVideoEvents(sessionId, () => void push());
      heartbeat = setInterval(() => write(': keep-alive\n\n'), heartbeatMs);
      heartbeat.unref?.();
      if (!closed) {
        guarded = startGuard(guard, finish);
        refresh = setInterval(() => void push(), refreshMs);
        refresh.unref?.();
      }
      await push();
    },
    cancel() {
      cleanup();
    },
  });

  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
}
