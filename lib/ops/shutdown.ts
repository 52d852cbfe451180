// What a server instance knows about its own stopping, shared by the custom
// server (scripts/start.ts) and the route handlers Next bundled separately:
// both reach the same state through one globalThis key, as two copies of this
// module live in the process. Per process by nature: each instance stops alone.
import 'server-only';

/** Closes one open event stream after telling its client to reconnect elsewhere. */
export type StreamCloser = () => void;

type ShutdownState = { stopping: boolean; streams: Set<StreamCloser> };

const KEY = Symbol.for('telehealth.ops.shutdown');

function state(): ShutdownState {
  const holder = globalThis as unknown as Record<symbol, ShutdownState | undefined>;
  return (holder[KEY] ??= { stopping: false, streams: new Set() });
}

/**
 * The last thing an event stream sends before the instance stops: a retry hint
 * (the browser's reconnect delay) and a `reconnect` event, so the client opens
 * a new stream, which the proxy sends to an instance that is still up.
 */
export const RECONNECT_EVENT = 'retry: 1000\nevent: reconnect\ndata: {}\n\n';

/**
 * Registers an open event stream; `close` is called once if the instance stops
 * while it is open. Returns the function to call when the stream ends by itself.
 */
export function registerStream(close: StreamCloser): () => void {
  const { streams, stopping } = state();
  if (stopping) {
    // Opened during the stop: end it straight away, the client reconnects elsewhere.
    queueMicrotask(close);
    return () => {};
  }
  streams.add(close);
  return () => void streams.delete(close);
}

export function openStreamCount(): number {
  return state().streams.size;
}

export function isStopping(): boolean {
  return state().stopping;
}

/** Marks the instance as stopping (health answers 503) and closes every open event stream. */
export function beginShutdown(): number {
  const s = state();
  s.stopping = true;
  const closers = [...s.streams];
  s.streams.clear();
  for (const close of closers) {
    try {
      close();
    } catch {
      // A stream whose reader already went away: nothing left to tell.
    }
  }
  return closers.length;
}

/** Tests only: a fresh instance state. */
export function resetShutdownForTests(): void {
  const s = state();
  s.stopping = false;
  s.streams.clear();
}
