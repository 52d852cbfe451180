// Who is signed in for this request. Reads the next-auth cookie, decrypts the
// JWT to get the AuthSession id, and checks the session in the database.
// Cached per request with React's cache(), so layouts, pages and actions that
// all ask share one lookup.
import 'server-only';

import { decode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';

import { sessionCookieName } from './auth-cookies';
import { authSecret } from '../env/auth-secret';
import { resolveSession, type SessionState } from './resolve-session';
import type { SessionUser } from './session-user';

/** The AuthSession id in this request's cookie, or null (absent, tampered or expired cookie). */
export async function readSessionId(): Promise<string | null> {
  const token = (await cookies()).get(sessionCookieName())?.value;
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: authSecret() });
    return typeof payload?.sid === 'string' ? payload.sid : null;
  } catch {
    return null;
  }
}

export const getSessionState = cache(async (): Promise<SessionState> => {
  const sessionId = await readSessionId();
  if (!sessionId) return { status: 'signed-out', reason: 'none' };
  return resolveSession(sessionId, new Date());
});

/** The signed-in user, or null when signed out, expired or still owing a second factor. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const state = await getSessionState();
  return state.status === 'active' ? state.user : null;
});

export type EnrolmentSession = { userId: string; sessionId: string; mfaPending: boolean };

/**
 * For the second-factor enrolment page and its actions only: a fully signed-in
 * user, or one whose session waits for enrolment. Everyone else goes to sign in.
 */
export async function requireEnrolmentSession(): Promise<EnrolmentSession> {
  const state = await getSessionState();
  if (state.status === 'active')
    return { userId: state.user.id, sessionId: state.user.sessionId, mfaPending: false };
  if (state.status === 'mfa-pending')
    return { userId: state.userId, sessionId: state.sessionId, mfaPending: true };
  redirect('/sign-in');
}
