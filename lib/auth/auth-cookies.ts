// The session cookie's name and attributes, shared by next-auth (which sets
// it), current-user.ts (which reads it) and sign-out (which clears it).
// Names match proxy.ts's SESSION_COOKIES.
import 'server-only';

import { env } from '@/lib/env';

import { ABSOLUTE_LIFETIME_MS } from './session-policy';

export function usesSecureCookies(): boolean {
  return env().APP_URL?.startsWith('https://') ?? false;
}

export function sessionCookieName(): string {
  return usesSecureCookies() ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
}

export function sessionCookieOptions() {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure: usesSecureCookies(),
  };
}

/** The cookie's lifetime: the absolute limit. The AuthSession row enforces the real limits. */
export const SESSION_COOKIE_MAX_AGE_SECONDS = ABSOLUTE_LIFETIME_MS / 1000;
