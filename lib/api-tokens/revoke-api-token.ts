// Revoking takes effect on the next request: every use looks the token up.
import 'server-only';

import { recordChange } from '@/lib/audit/record-change';
import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';

export async function revokeApiToken(
  admin: SessionUser,
  tokenId: unknown,
  now: Date = new Date(),
): Promise<{ changed: boolean }> {
  assertCan(admin, 'apiTokens.manage');
  if (typeof tokenId !== 'string' || !tokenId || tokenId.length > 64) {
    throw new AppError('NOT_FOUND', 'That API token was not found.');
  }
  return db().$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: { id: tokenId, user: { clinicId: admin.clinicId } },
      select: { id: true, revokedAt: true },
    });
    if (!token) throw new AppError('NOT_FOUND', 'That API token was not found.');
    if (token.revokedAt) return { changed: false };
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: now, revokedById: admin.id } });
    await recordChange(tx, admin, 'UPDATE', {
      type: 'ApiToken',
      id: token.id,
      detail: { operation: 'revoke' },
    });
    return { changed: true };
  });
}
