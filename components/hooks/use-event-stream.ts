'use client';

// One server-sent-events stream read in the browser: opens an EventSource on
// the URL, hands each named event's JSON to its handler, and closes it when the
// component goes away or the URL changes. The session cookie authenticates the
// staff streams, so EventSource will do (the patient's stream, which carries a
// link token, uses fetch instead: see app/join).
//
// Reconnecting: while the connection merely drops, the browser reconnects by
// itself after the server's `retry:` hint (3 s, or 1 s when an instance
// stops). When the browser gives up instead (an error answer, a proxy's page),
// the stream is opened again after the same hint, doubling each time up to a
// minute, and back to the hint once it opens.
import { useEffect, useRef } from 'react';

/** The wait the servers ask for in their `retry:` line (lib/video/events/*-stream.ts). */
export const SERVER_RETRY_MS = 3000;
const MAX_RETRY_MS = 60_000;

export type EventHandlers<Events> = { [K in keyof Events]?: (data: Events[K]) => void };

export function useEventStream<Events extends Record<string, unknown>>(
  url: string | null,
  handlers: EventHandlers<Events>,
  { retryMs = SERVER_RETRY_MS }: { retryMs?: number } = {},
): void {
  // The latest handlers, so a re-render does not reopen the stream.
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  const names = Object.keys(handlers).sort().join(',');

  useEffect(() => {
    if (!url || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let wait = retryMs;
    const listeners = names
      .split(',')
      .filter(Boolean)
      .map((name) => {
        const listener = (event: MessageEvent<string>) => {
          const handler = latest.current[name as keyof Events];
          handler?.(JSON.parse(event.data) as Events[keyof Events]);
        };
        return [name, listener as EventListener] as const;
      });
    const onOpen = () => {
      wait = retryMs;
    };
    const onError = () => {
      if (source?.readyState !== EventSource.CLOSED) return; // the browser is reconnecting itself
      close();
      timer = setTimeout(open, wait);
      wait = Math.min(wait * 2, MAX_RETRY_MS);
    };
    function open() {
      source = new EventSource(url!);
      source.addEventListener('open', onOpen);
      source.addEventListener('error', onError);
      for (const [name, listener] of listeners) source.addEventListener(name, listener);
    }
    function close() {
      if (!source) return;
      source.removeEventListener('open', onOpen);
      source.removeEventListener('error', onError);
      for (const [name, listener] of listeners) source.removeEventListener(name, listener);
      source.close();
      source = null;
    }
    open();
    return () => {
      clearTimeout(timer);
      close();
    };
  }, [url, names, retryMs]);
}
