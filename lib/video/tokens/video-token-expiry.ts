// How long a video access token lives. Twilio checks the token when someone
// connects (and reconnects); it does not end a call in progress when it expires.
import { CLOSES_AFTER_END_MS } from '../links/join-window';

const MINUTE = 60_000;

/** A token never outlives the scheduled end by more than this… */
export const TOKEN_END_GRACE_MS = 30 * MINUTE;
/** …nor lives longer than Twilio's usual maximum session. */
export const TOKEN_MAX_TTL_MS = 4 * 60 * MINUTE;
/**
 * Late in an overrunning session (the window is open until end + 2 h) a
 * token still gets this long, so a dropped patient can reconnect.
 */
export const TOKEN_LATE_TTL_MS = 10 * MINUTE;

/**
 * The expiry: end + 30 min for every token issued before end + 20 min; after
 * that, 10 minutes from now; never beyond 4 h from now or the window's close.
 */
export function videoTokenExpiry(endsAt: Date, now: Date): Date {
  const nowMs = now.getTime();
  const preferred = Math.max(endsAt.getTime() + TOKEN_END_GRACE_MS, nowMs + TOKEN_LATE_TTL_MS);
  const ceiling = Math.min(nowMs + TOKEN_MAX_TTL_MS, endsAt.getTime() + CLOSES_AFTER_END_MS);
  // Whole seconds: JWT times are in seconds.
  return new Date(Math.floor(Math.min(preferred, ceiling) / 1000) * 1000);
}
