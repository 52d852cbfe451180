// Route handlers called by other systems: "Authorization: Bearer tpat_…" → the
// user the token was issued for, while it is neither revoked nor expired and
// the user is still active.
import 'server-only';

import type { SessionUser } from '@/lib/auth/session-user';
import { sessionUserSelect, toSessionUser } from '@/lib/auth/session-user-row';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';

import { hashApiToken, looksLikeApiToken } from './api-token-secret';

const LAST_USED_RESOLUTION_MS = 60_000;
const REFUSED =
  'This API token is not valid (it may have been revoked or have expired). Ask an administrator for a new one.';

export type ApiCaller = { user: SessionUser; apiTokenId: string };

export async function authenticateApiToken(request: Request, now: Date = new Date()): Promise<ApiCaller> {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) {
    throw new AppError('UNAUTHENTICATED', 'Send an API token as "Authorization: Bearer <token>".');
  }
  const token = match[1]!;
  if (!looksLikeApiToken(token)) throw new AppError('UNAUTHENTICATED', REFUSED);

  const row = await db().apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      user: { select: sessionUserSelect },
    },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || !row.user.active) {
    throw new AppError('UNAUTHENTICATED', REFUSED);
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { apiTokenId: row.id, user: toSessionUser(row.user, `api-token:${row.id}`) };
}
