// The patient's current join link for a session, as a URL (re-created from the
// row: see link-token.ts for why that is possible and safe).
import 'server-only';

import { db } from '@/lib/db/client';

import { joinPageUrl } from './app-base-url';
import { linkToken } from './link-token';

export type JoinLinkView = {
  id: string;
  url: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  firstOpenedAt: Date | null;
};

export async function currentJoinLink(sessionId: string): Promise<JoinLinkView | null> {
  const link = await db().joinLink.findFirst({
    where: { sessionId, revokedAt: null },
    orderBy: { createdAt: 'desc' },
    select: { id: true, createdAt: true, lastUsedAt: true, firstOpenedAt: true },
  });
  if (!link) return null;
  return { ...link, url: joinPageUrl(linkToken('join', link.id, sessionId)) };
}
