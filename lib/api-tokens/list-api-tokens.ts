// The clinic's API tokens for the admin page: who holds each, when it was made
// and last used, and whether it still works. Never the token itself.
import 'server-only';

import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';

export type ApiTokenSummary = {
  id: string;
  label: string;
  prefix: string;
  owner: { id: string; name: string; role: string };
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

export async function listApiTokens(admin: SessionUser): Promise<ApiTokenSummary[]> {
  assertCan(admin, 'apiTokens.manage');
  const rows = await db().apiToken.findMany({
    where: { user: { clinicId: admin.clinicId } },
    orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
    select: {
      id: true,
      label: true,
      tokenPrefix: true,
      createdAt: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
      user: { select: { id: true, name: true, role: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    prefix: r.tokenPrefix,
    owner: r.user,
    createdAt: r.createdAt,
    lastUsedAt: r.lastUsedAt,
    expiresAt: r.expiresAt,
    revokedAt: r.revokedAt,
  }));
}

/** Active users an admin can issue a token to. */
export async function listTokenOwners(
  admin: SessionUser,
): Promise<Array<{ id: string; name: string; role: string }>> {
  assertCan(admin, 'apiTokens.manage');
  return db().user.findMany({
    where: { clinicId: admin.clinicId, active: true },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, role: true },
  });
}
