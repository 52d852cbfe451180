// Video session changes, fanned out by session id to the event streams open
// on this instance. The LISTEN connection itself is the process's one notice
// listener (lib/db/notify-listener.ts): NOTIFY reaches all instances, so a
// patient connected to one instance hears about an admission made on another.
// When that connection drops, every subscriber is told to re-read ("resync"),
// since notices sent meanwhile were missed.
import 'server-only';

import { listenForNotices, type NoticeHandler } from '@/lib/db/notify-listener';

import { parseVideoNotice, VIDEO_NOTIFY_CHANNEL, type VideoNotice } from './notify-video-change';

type Listener = (notice: VideoNotice) => void;

const globalForVideo = globalThis as unknown as {
  videoEventSubscribers?: { subscribers: Map<string, Set<Listener>>; handler: NoticeHandler };
};

function state() {
  return (globalForVideo.videoEventSubscribers ??= (() => {
    const subscribers = new Map<string, Set<Listener>>();
    const handler: NoticeHandler = {
      notice: (payload) => {
        const notice = parseVideoNotice(payload);
        if (!notice) return;
        for (const listener of subscribers.get(notice.sessionId) ?? []) listener(notice);
      },
      reset: () => {
        for (const [sessionId, listeners] of subscribers) {
          for (const listener of listeners) listener({ sessionId, change: 'resync' });
        }
      },
    };
    return { subscribers, handler };
  })());
}

/**
 * Calls `listener` for every change of the session, from any instance. Resolves
 * once listening, so a caller that reads state afterwards misses nothing.
 */
export async function subscribeVideoEvents(sessionId: string, listener: Listener): Promise<() => void> {
  const { subscribers, handler } = state();
  let set = subscribers.get(sessionId);
  if (!set) subscribers.set(sessionId, (set = new Set()));
  set.add(listener);
  // The one channel handler stays registered; this also reconnects a closed listener.
  await listenForNotices(VIDEO_NOTIFY_CHANNEL, handler);
  return () => {
    const current = subscribers.get(sessionId);
    current?.delete(listener);
    if (current?.size === 0) subscribers.delete(sessionId);
  };
}
