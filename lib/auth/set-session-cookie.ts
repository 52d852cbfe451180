// Signs a browser in after the sign-in action has accepted it: the same cookie
// next-auth would set (its JWT format, secret, name and attributes), carrying
// only the AuthSession id, so current-user.ts and next-auth's own sign-out read it.
import 'server-only';

import { encode } from 'next-auth/jwt';
import { cookies } from 'next/headers';

import { SESSION_COOKIE_MAX_AGE_SECONDS, sessionCookieName, sessionCookieOptions } from './auth-cookies';
import { authSecret } from '../env/auth-secret';

export async function setSessionCookie(sessionId: string): Promise<void> {
  const token = await encode({
    token: { sid: sessionId },
    secret: authSecret(),
    maxAge: SESSION_COOKIE_MAX_AGE_SECONDS,
  });
  (await cookies()).set(sessionCookieName(), token, {
    ...sessionCookieOptions(),
    maxAge: SESSION_COOKIE_MAX_AGE_SECONDS,
  });
}
