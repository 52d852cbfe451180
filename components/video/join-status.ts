// Where a patient's or guest's link stands right now, from the join state and
// the clock. Pure (tests/unit/video-join-status.test.ts): the page decides
// which guidance to show from this alone.
import type { JoinState } from '@/lib/video/links/get-join-state';

export type JoinStatus =
  'revoked' | 'cancelled' | 'missed' | 'expired' | 'ended' | 'declined' | 'early' | 'open';

export function joinStatus(state: JoinState, now: number): JoinStatus {
  if (state.linkRevoked) return 'revoked';
  if (state.appointmentStatus === 'CANCELLED') return 'cancelled';
  if (state.appointmentStatus === 'NO_SHOW') return 'missed';
  if (now >= Date.parse(state.closesAt)) return 'expired';
  if (state.sessionEnded) return 'ended';
  if (state.waiting?.status === 'DECLINED') return 'declined';
  if (now < Date.parse(state.opensAt)) return 'early';
  return 'open';
}

/** "12 minutes 5 seconds", "1 hour 3 minutes": for the countdown, in words. */
export function durationWords(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (hours > 0)
    return [unit(hours, 'hour'), minutes ? unit(minutes, 'minute') : ''].filter(Boolean).join(' ');
  if (minutes > 0)
    return [unit(minutes, 'minute'), seconds ? unit(seconds, 'second') : ''].filter(Boolean).join(' ');
  return unit(seconds, 'second');
}

/** A browser that can make the call at all: WebRTC and camera access. */
export function browserCanCall(win: {
  RTCPeerConnection?: unknown;
  navigator?: { mediaDevices?: { getUserMedia?: unknown } };
}): boolean {
  return Boolean(win.RTCPeerConnection && win.navigator?.mediaDevices?.getUserMedia);
}

/** The countdown is shown only within this long of joining opening. */
export const COUNTDOWN_WITHIN_MS = 60 * 60_000;

/**
 * The too-early countdown: null when joining opens more than an hour from now
 * (the date and time say it then). `shown` ticks with the seconds; `spoken`, for
 * screen readers, changes only every five minutes (every minute in the last
 * five), so they are not interrupted all the time.
 */
export function countdownWords(ms: number): { shown: string; spoken: string } | null {
  if (ms <= 0 || ms > COUNTDOWN_WITHIN_MS) return null;
  const minutes = Math.ceil(ms / 60_000);
  if (minutes <= 5) {
    return {
      shown: durationWords(ms),
      spoken: `You can join in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    };
  }
  return { shown: durationWords(ms), spoken: `You can join within ${Math.ceil(minutes / 5) * 5} minutes.` };
}
