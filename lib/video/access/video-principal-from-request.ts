// Who is calling a video route: a patient or guest by the token from their
// link (Authorization: Bearer <token>, or "token" in the JSON body), otherwise
// the signed-in portal user from the session cookie.
import 'server-only';

import { getSessionUser } from '@/lib/auth/current-user';
import { AppError } from '@/lib/errors/app-error';

import type { VideoPrincipal } from './video-principal';

export function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1]! : null;
}

/**
 * The caller of the token route. A link token is passed on unresolved, so that
 * issueVideoToken can look it up in the same query as the appointment.
 */
export async function videoCallerFromRequest(
  request: Request,
  bodyToken?: string,
): Promise<VideoPrincipal | { kind: 'link-token'; token: string }> {
  const token = bearerToken(request) ?? bodyToken;
  if (token) return { kind: 'link-token', token };
  return sessionPrincipal();
}

async function sessionPrincipal(): Promise<VideoPrincipal> {
  const user = await getSessionUser();
  if (!user) {
    throw new AppError(
      'UNAUTHENTICATED',
      "Sign in to the portal, or open the join link from the clinic's message.",
    );
  }
  return { kind: 'user', user };
}
