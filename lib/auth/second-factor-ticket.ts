// Proof that a password was right, carried from the password step to the code
// step of sign-in, so the password itself is never kept, echoed into the page or
// sent twice (and works without JavaScript: it travels in a hidden field). Signed
// with the auth secret and bound to the password hash, so it dies after
// TICKET_LIFETIME_MS or as soon as the password changes. Guessing codes with it
// is throttled like any sign-in attempt.
import 'server-only';

import { createHmac, timingSafeEqual } from 'node:crypto';

import { authSecret } from '../env/auth-secret';

export const TICKET_LIFETIME_MS = 10 * 60 * 1000;

function signature(userId: string, expiresAtMs: number, passwordHash: string): string {
  return createHmac('sha256', authSecret())
    .update(`second-factor-ticket\0${userId}\0${expiresAtMs}\0${passwordHash}`)
    .digest('base64url');
}

export function issueSecondFactorTicket(userId: string, passwordHash: string, now: Date): string {
  const expiresAtMs = now.getTime() + TICKET_LIFETIME_MS;
  const payload = Buffer.from(JSON.stringify([userId, expiresAtMs])).toString('base64url');
  return `${payload}.${signature(userId, expiresAtMs, passwordHash)}`;
}

/** The user id a ticket names, without checking it (to find the user and their password hash). */
export function ticketUserId(ticket: string): string | null {
  const [payload] = ticket.split('.');
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    if (Array.isArray(parsed) && typeof parsed[0] === 'string' && parsed[0].length <= 64) return parsed[0];
  } catch {
    // Not a ticket: treated like a wrong password.
  }
  return null;
}

export function verifySecondFactorTicket(
  ticket: string,
  user: { id: string; passwordHash: string },
  now: Date,
): boolean {
  const [payload, given] = ticket.split('.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
  } catch {
    return false;
  }
  if (!Array.isArray(parsed) || parsed[0] !== user.id || typeof parsed[1] !== 'number') return false;
  const expiresAtMs = parsed[1];
  if (expiresAtMs <= now.getTime() || expiresAtMs > now.getTime() + TICKET_LIFETIME_MS) return false;
  const expected = Buffer.from(signature(user.id, expiresAtMs, user.passwordHash));
  const actual = Buffer.from(given ?? '');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
