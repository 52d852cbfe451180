// Server-sent events for the dashboard's waiting list: the whole list after
// every change to any of its sessions (LISTEN/NOTIFY through
// video-events-listener.ts), and a re-read every 30 s so a session created
// meanwhile (a link made after the page opened) is followed too.
import 'server-only';

import { sseResponse } from '@/lib/http/sse-response';
import { errorFields, log } from '@/lib/log/logger';

import type { WaitingList } from '../waiting-room/get-waiting-list';
import { startGuard, type StreamGuard } from './stream-guard';
import { subscribeVideoEvents } from './video-events-listener';

const REFRESH_MS = 30_000;

export function waitingListStream(
  signal: AbortSignal,
  readList: () => Promise<WaitingList>,
  /** guard: ends the stream, silently, once the viewer's session ends. */
  options: { guard?: StreamGuard; refreshMs?: number } = {},
): Response {
  const { guard } = options;
  const subscriptions = new Map<string, () => void>();
  return sseResponse({
    signal,
    refreshMs: options.refreshMs ?? REFRESH_MS,
    // Follows each listed session, including ones that appear later.
    read: async ({ poke, isClosed }) => {
      const list = await readList();
      for (const item of list.items) {
        if (item.sessionId && !subscriptions.has(item.sessionId)) {
          subscriptions.set(item.sessionId, () => {});
          const unsubscribe = await subscribeVideoEvents(item.sessionId, poke);
          if (isClosed()) unsubscribe();
          else subscriptions.set(item.sessionId, unsubscribe);
        }
      }
      return list;
    },
    guard: guard && ((end) => startGuard(guard, end)),
    onError: (err) => log.error('video.waiting_list_stream_failed', errorFields(err)),
    onClose: () => {
      for (const unsubscribe of subscriptions.values()) unsubscribe();
      subscriptions.clear();
    },
  });
}
