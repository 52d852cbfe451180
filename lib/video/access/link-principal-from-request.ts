// Patient and guest routes: the caller is whoever holds the link token, sent
// as "Authorization: Bearer <token>" (or "token" in a JSON body).
import 'server-only';

import { AppError } from '@/lib/errors/app-error';

import { resolveLinkPrincipal, type LinkPrincipal } from './resolve-link-principal';
import { bearerToken } from './video-principal-from-request';

export async function linkPrincipalFromRequest(request: Request, bodyToken?: string): Promise<LinkPrincipal> {
  const token = bearerToken(request) ?? bodyToken;
  if (!token) {
    throw new AppError(
      'UNAUTHENTICATED',
      "Open the link from the clinic's message to join your appointment.",
    );
  }
  return resolveLinkPrincipal(token);
}
