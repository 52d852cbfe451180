// The session cookie next-auth sets at sign-in, put into the stand-in request
// cookies (tests/helpers/request-cookies.ts).
import { encode } from 'next-auth/jwt';

import { SESSION_COOKIE_MAX_AGE_SECONDS, sessionCookieName } from '@/lib/auth/auth-cookies';
import { authSecret } from '@/lib/env/auth-secret';

import { cookieJar } from './request-cookies';

/** Puts the cookie next-auth would set for this session into the request. */
export async function putSessionCookie(sessionId: string) {
  const token = await encode({
    token: { sid: sessionId },
    secret: authSecret(),
    maxAge: SESSION_COOKIE_MAX_AGE_SECONDS,
  });
  cookieJar.set(sessionCookieName(), token);
}
