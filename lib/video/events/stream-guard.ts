// What keeps an open event stream allowed to go on. A staff stream shows
// patients' names and waiting status, so it must end once its session does
// (signed out, revoked, the person deactivated, idle or at its absolute limit),
// not only be checked when it opens: the session is checked again before every
// message, on a tick, and at once when the database says one of the person's
// sessions ended (the `session_ended` trigger).
import 'server-only';

import { isSessionActive } from '@/lib/auth/resolve-session';
import { listenForNotices } from '@/lib/db/notify-listener';
import { errorFields, log } from '@/lib/log/logger';

export const SESSION_ENDED_CHANNEL = 'session_ended';
/** How often an open staff stream re-checks its session when nothing else prompts it. */
export const SESSION_RECHECK_MS = 15_000;

export type StreamGuard = {
  /** False once the viewer may no longer see the stream. Must not count as their activity. */
  allowed: () => Promise<boolean>;
  /** Calls `recheck` whenever the answer may have changed; resolves to an unsubscribe. */
  follow?: (recheck: () => void) => Promise<() => void>;
  /** Re-check at least this often. */
  everyMs: number;
};

/**
 * The guard for a signed-in person's stream. `now` and `everyMs` are for tests
 * (an injected clock and tick).
 */
export function sessionStreamGuard(
  user: { id: string; sessionId: string },
  options: { now?: () => Date; everyMs?: number } = {},
): StreamGuard {
  const now = options.now ?? (() => new Date());
  return {
    // Reads the session without touching lastSeenAt: an open tab is not activity.
    allowed: () => isSessionActive(user.sessionId, now()),
    follow: (recheck) =>
      listenForNotices(SESSION_ENDED_CHANNEL, {
        notice: (payload) => {
          if (noticeUserId(payload) !== user.id) return;
          recheck();
        },
        // Notices may have been missed while the connection was down.
        reset: recheck,
      }),
    everyMs: options.everyMs ?? SESSION_RECHECK_MS,
  };
}

function noticeUserId(payload: string): string | null {
  try {
    const value = JSON.parse(payload) as { userId?: unknown };
    return typeof value.userId === 'string' ? value.userId : null;
  } catch {
    return null;
  }
}

export type GuardHandle = {
  /** Checks now; when no longer allowed, calls `end` (once) and resolves false. */
  allowed: () => Promise<boolean>;
  stop: () => void;
};

/** Runs a guard for one stream: on its tick, on its notices, and whenever the stream asks. */
export function startGuard(guard: StreamGuard | undefined, end: () => void): GuardHandle {
  if (!guard) return { allowed: async () => true, stop: () => {} };
  let ended = false;
  let stopped = false;
  let unfollow: (() => void) | null = null;
  const allowed = async () => {
    if (ended) return false;
    let ok: boolean;
    try {
      ok = await guard.allowed();
    } catch (err) {
      // Unknown is not allowed: the browser reconnects and the route checks afresh.
      log.warn('video.stream_guard_failed', errorFields(err));
      ok = false;
    }
    if (!ok && !ended) {
      ended = true;
      end();
    }
    return ok && !ended;
  };
  const timer = setInterval(() => void allowed(), guard.everyMs);
  timer.unref?.();
  void guard
    .follow?.(() => void allowed())
    .then((off) => {
      if (stopped) return off();
      unfollow = off;
      // An end between opening and listening would otherwise wait for the tick.
      void allowed();
    });
  return {
    allowed,
    stop: () => {
      stopped = true;
      clearInterval(timer);
      unfollow?.();
    },
  };
}
