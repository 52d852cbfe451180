'use server';

// The "Sign out" button's server action: ends the AuthSession in the database
// (so the cookie is worthless even if copied), clears the cookie, and shows
// the sign-in page with a note.
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';

import { recordAudit } from '@/lib/audit/record-audit';

import { sessionCookieName, sessionCookieOptions } from './auth-cookies';
import { getSessionState, readSessionId } from './current-user';
import { revokeAuthSession } from './revoke-auth-session';

export async function signOutAction(): Promise<never> {
  const state = await getSessionState();
  const sessionId = await readSessionId();
  if (sessionId && (await revokeAuthSession(sessionId, new Date()))) {
    await recordAudit({
      actor: state.status === 'active' ? { id: state.user.id, role: state.user.role } : null,
      action: 'UPDATE',
      entityType: 'AuthSession',
      entityId: sessionId,
      detail: { event: 'sign_out' },
    });
  }
  (await cookies()).set(sessionCookieName(), '', { ...sessionCookieOptions(), maxAge: 0 });
  redirect('/sign-in?signedOut=1');
}
