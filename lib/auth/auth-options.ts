// next-auth v4 configuration. The JWT in the cookie carries only the
// AuthSession id (`sid`); who the person is, and whether the session is still
// valid, is read from the database on every request (current-user.ts).
// Built on first use rather than at import, so importing never validates env.
import 'server-only';

import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';

import { errorFields, log } from '@/lib/log/logger';
import { clientAddress } from '@/lib/rate-limit/client-address';

import {
  SESSION_COOKIE_MAX_AGE_SECONDS,
  sessionCookieName,
  sessionCookieOptions,
  usesSecureCookies,
} from './auth-cookies';
import { authSecret } from '../env/auth-secret';
import { authenticate } from './authenticate';
import { revokeAuthSession } from './revoke-auth-session';

let cached: AuthOptions | undefined;

export function authOptions(): AuthOptions {
  cached ??= {
    secret: authSecret(),
    useSecureCookies: usesSecureCookies(),
    cookies: {
      sessionToken: { name: sessionCookieName(), options: sessionCookieOptions() },
    },
    session: { strategy: 'jwt', maxAge: SESSION_COOKIE_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_COOKIE_MAX_AGE_SECONDS },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'Email and password',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
          code: { label: 'Authentication code', type: 'text' },
        },
        // The portal's own form signs in through a server action (sign-in/actions.ts);
        // this endpoint stays for API clients, with the same checks and throttles.
        async authorize(credentials, req) {
          const result = await authenticate(
            {
              email: credentials?.email ?? '',
              password: credentials?.password ?? '',
              code: credentials?.code ?? null,
            },
            new Date(),
            { address: clientAddress(req?.headers ?? {}) },
          );
          // next-auth passes a thrown error's message to the client as `error`: one of
          // SignInError's codes. A throttled attempt carries its wait and scope, which the
          // route turns into a 429 with Retry-After (app/api/auth/[...nextauth]/route.ts).
          if (!result.ok && result.error === 'RATE_LIMITED') {
            throw new Error(`RATE_LIMITED:${result.retryAfterSeconds}:${result.scope}`);
          }
          if (!result.ok) throw new Error(result.error);
          return { id: result.sessionId };
        },
      }),
    ],
    callbacks: {
      // Only the session id goes into the cookie: no name, no email.
      jwt({ token, user }) {
        return { sid: user ? user.id : token.sid };
      },
      session({ session }) {
        return { expires: session.expires };
      },
    },
    events: {
      // next-auth's own sign-out endpoint; the portal's button uses lib/auth/sign-out.ts.
      async signOut({ token }) {
        if (typeof token?.sid === 'string') await revokeAuthSession(token.sid, new Date());
      },
    },
    logger: {
      error(code, metadata) {
        const err = metadata instanceof Error ? metadata : metadata.error;
        // A session cookie that does not decode (forged, truncated, from an old secret)
        // is the visitor's problem, answered as signed out: not an error of ours.
        if (code === 'JWT_SESSION_ERROR') {
          log.warn('next_auth.session_cookie_invalid', { code, errorName: errorFields(err).errorName });
          return;
        }
        log.error('next_auth.error', { code, ...errorFields(err) });
      },
      warn(code) {
        // NEXTAUTH_URL only shapes the absolute URLs next-auth puts in its JSON
        // replies; the sign-in form reads just the error code from them.
        if (code === 'NEXTAUTH_URL') return;
        log.warn('next_auth.warning', { code });
      },
      debug() {},
    },
  };
  return cached;
}
