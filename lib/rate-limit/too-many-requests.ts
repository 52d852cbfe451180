// The 429 answer: Retry-After (whole seconds) and a sentence a person can act on.
import 'server-only';

import { NextResponse } from 'next/server';

import { formatWait } from './format-wait';

/** Whole seconds until `retryAt`, at least 1. */
export function secondsUntil(retryAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
}

/** For a patient waiting to see their clinician: their session is not lost, and what to do. */
export function videoRateLimitedMessage(retryAfterSeconds: number): string {
  return `A lot of requests have come from this device or link in a short time, so we’ve paused them for a moment. Your appointment is still on: wait ${formatWait(retryAfterSeconds)}, then try again. If it keeps happening, call the clinic.`;
}

export function tooManyRequests(
  retryAt: Date,
  now: Date,
  messageFor: (retryAfterSeconds: number) => string,
): Response {
  const retryAfterSeconds = secondsUntil(retryAt, now);
  const message = messageFor(retryAfterSeconds);
  return NextResponse.json(
    { error: { code: 'RATE_LIMITED', message, retryAfterSeconds } },
    { status: 429, headers: { 'Retry-After': String(retryAfterSeconds), 'Cache-Control': 'no-store' } },
  );
}
