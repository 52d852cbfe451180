// Server-sent events for the dashboard's waiting list: the whole list after
// every change to any of its sessions (LISTEN/NOTIFY through
// video-events-listener.ts), and a re-read every 30 s so a session created
// meanwhile (a link made after the page opened) is followed too.
import 'server-only';

import { errorFields, log } from '@/lib/log/logger';
import { RECONNECT_EVENT, registerStream } from '@/lib/ops/shutdown';

import type { WaitingList } from './get-waiting-list';
import { startGuard, type GuardHandle, type StreamGuard } from './stream-guard';
import { subscribeVideoEvents } from './video-events-listener';

const REFRESH_MS = 30_000;

export function waitingListStream(
  signal: AbortSignal,
  readList: () => Promise<WaitingList>,
  /** guard: ends the stream, silently, once the viewer's session ends. */
  options: { guard?: StreamGuard; refreshMs?: number } = {},
): Response {
  const encoder = new TextEncoder();
  const subscriptions = new Map<string, () => void>();
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | null = null;
  let closed = false;
  let running = false;
  let dirty = false;
  let lastSent = '';
  let timer: NodeJS.Timeout | null = null;
  let guarded: GuardHandle | null = null;
  let unregisterStream: (() => void) | null = null;

  const write = (text: string) => {
    if (!closed) controllerRef?.enqueue(encoder.encode(text));
  };
  const finish = () => {
    if (closed) return;
    closed = true;
    unregisterStream?.();
    if (timer) clearInterval(timer);
    guarded?.stop();
    for (const unsubscribe of subscriptions.values()) unsubscribe();
    subscriptions.clear();
    signal.removeEventListener('abort', finish);
    try {
      controllerRef?.close();
    } catch {
      // already closed by the reader
    }
  };
  const push = async () => {
    dirty = true;
    if (running) return;
    running = true;
    try {
      while (dirty && !closed) {
        dirty = false;
        const list = await readList();
        for (const item of list.items) {
          if (item.sessionId && !subscriptions.has(item.sessionId)) {
            subscriptions.set(item.sessionId, () => {});
            const unsubscribe = await subscribeVideoEvents(item.sessionId, () => void push());
            if (closed) unsubscribe();
            else subscriptions.set(item.sessionId, unsubscribe);
          }
        }
        // Checked after the read, so nothing read for an ended session is sent.
        if (guarded && !(await guarded.allowed())) return;
        const body = JSON.stringify(list);
        if (body !== lastSent) {
          lastSent = body;
          write(`event: state\ndata: ${body}\n\n`);
        } else {
          write(': keep-alive\n\n');
        }
      }
    } catch (err) {
      log.error('video.waiting_list_stream_failed', errorFields(err));
      finish();
    } finally {
      running = false;
    }
  };

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controllerRef = controller;
      if (signal.aborted) return finish();
      signal.addEventListener('abort', finish);
      write('retry: 3000\n\n');
      // The instance stopping: tell the client to reconnect (to another instance), then close.
      unregisterStream = registerStream(() => {
        write(RECONNECT_EVENT);
        finish();
      });
      guarded = startGuard(options.guard, finish);
      timer = setInterval(() => void push(), options.refreshMs ?? REFRESH_MS);
      timer.unref?.();
      await push();
    },
    cancel() {
      finish();
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
