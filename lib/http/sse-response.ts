// One server-sent-events responder for every stream the portal opens: it sends
// the state a caller reads, again whenever it is poked (a NOTIFY, a tick), only
// when it changed, and ends cleanly on abort, on the reader going away, on the
// caller's guard saying no, or when the instance stops (telling the browser to
// reconnect elsewhere). Each message is the whole state, so a browser that
// missed one loses nothing.
import 'server-only';

import { RECONNECT_EVENT, registerStream } from '@/lib/ops/shutdown';

/** What keeps a stream allowed, started by the caller once the stream is open. */
export type SseGuard = {
  /** Checks now; false once the stream must end (the guard ends it). */
  allowed: () => Promise<boolean>;
  stop: () => void;
};

export type SseControls = {
  /** Read and send again (coalesced: one read at a time, one more if poked meanwhile). */
  poke: () => void;
  isClosed: () => boolean;
  write: (text: string) => void;
};

export type SseResponseOptions = {
  signal: AbortSignal;
  /** The whole state to send as a `state` event; JSON-serialised and compared with the last sent. */
  read: (controls: SseControls) => Promise<unknown>;
  /** Re-read this often even without a poke. */
  refreshMs: number;
  /** Listen for changes; awaited before the first read so nothing in between is missed. */
  subscribe?: (poke: () => void) => Promise<() => void>;
  /** Starts the stream's guard; `end` closes the stream silently. */
  guard?: (end: () => void) => SseGuard;
  /** Send a comment this often; without it, a re-read that finds nothing new sends one instead. */
  heartbeatMs?: number;
  /** Number the `state` events (`id:`), so a reader can tell them apart. */
  eventIds?: boolean;
  /** A read that threw: log it or `write` an event; the stream then closes. */
  onError: (err: unknown, write: (text: string) => void) => void;
  /** Extra clean-up when the stream ends. */
  onClose?: () => void;
};

const KEEP_ALIVE = ': keep-alive\n\n';

export function sseResponse(options: SseResponseOptions): Response {
  const { signal } = options;
  const encoder = new TextEncoder();
  const stops: Array<() => void> = [];
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | null = null;
  let closed = false;
  let running = false;
  let dirty = false;
  let lastSent = '';
  let eventId = 0;
  let guarded: SseGuard | null = null;

  const cleanup = () => {
    if (closed) return;
    closed = true;
    for (const stop of stops) stop();
    guarded?.stop();
    options.onClose?.();
    signal.removeEventListener('abort', finish);
  };
  const write = (text: string) => {
    if (!closed) controllerRef?.enqueue(encoder.encode(text));
  };
  function finish() {
    if (closed) return;
    cleanup();
    try {
      controllerRef?.close();
    } catch {
      // already closed by the reader
    }
  }
  const every = (ms: number, run: () => void) => {
    const timer = setInterval(run, ms);
    timer.unref?.();
    stops.push(() => clearInterval(timer));
  };

  const push = async () => {
    dirty = true;
    if (running) return;
    running = true;
    try {
      while (dirty && !closed) {
        dirty = false;
        const body = JSON.stringify(await options.read(controls));
        // Checked after the read, so nothing read for an ended session is sent.
        if (guarded && !(await guarded.allowed())) return;
        if (body !== lastSent) {
          lastSent = body;
          const id = options.eventIds ? `id: ${++eventId}\n` : '';
          write(`${id}event: state\ndata: ${body}\n\n`);
        } else if (options.heartbeatMs === undefined) {
          write(KEEP_ALIVE);
        }
      }
    } catch (err) {
      options.onError(err, write);
      finish();
    } finally {
      running = false;
    }
  };
  const controls: SseControls = { poke: () => void push(), isClosed: () => closed, write };

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controllerRef = controller;
      if (signal.aborted) return finish();
      signal.addEventListener('abort', finish);
      write('retry: 3000\n\n');
      // The instance stopping: tell the client to reconnect (to another instance), then close.
      stops.push(
        registerStream(() => {
          write(RECONNECT_EVENT);
          finish();
        }),
      );
      if (options.subscribe) {
        const unsubscribe = await options.subscribe(controls.poke);
        if (closed) unsubscribe();
        else stops.push(unsubscribe);
      }
      if (closed) return;
      if (options.heartbeatMs !== undefined) every(options.heartbeatMs, () => write(KEEP_ALIVE));
      guarded = options.guard?.(finish) ?? null;
      every(options.refreshMs, controls.poke);
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
