// A server-sent-events response that sends the caller's view of a session now
// and again after every change (from any server instance, via LISTEN/NOTIFY).
// Each message is the full state read from the database, so a browser never
// has to trust itself about admission; the token route checks it again anyway.
//
// Browsers read it with fetch() and a stream reader (not EventSource), so the
// link token travels in an Authorization header and never in a URL.
import 'server-only';

import { isAppError } from '@/lib/errors/app-error';
import { sseResponse } from '@/lib/http/sse-response';
import { errorFields, log } from '@/lib/log/logger';

import { startGuard, type StreamGuard } from './stream-guard';
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
  return sseResponse({
    signal,
    read: readState,
    refreshMs,
    heartbeatMs,
    eventIds: true,
    // Listen first, then read: a change made in between is not missed.
    subscribe: (poke) => subscribeVideoEvents(sessionId, poke),
    guard: guard && ((end) => startGuard(guard, end)),
    onError: (err, write) => {
      if (isAppError(err)) {
        // A link that died meanwhile: what happened and the clinic's phone (details), no state.
        const data = JSON.stringify({ ...err.details, code: err.code, message: err.message });
        write(`event: error\ndata: ${data}\n\n`);
      } else {
        log.error('video.event_stream_failed', { sessionId, ...errorFields(err) });
      }
    },
  });
}
