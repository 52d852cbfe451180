// What the set-password page shows for a link, read without using it up (so a
// mail scanner or link preview opening it does no harm): who it is for, or why
// it no longer works.
import 'server-only';

import { db } from '@/lib/db/client';

import type { DeadPasswordLink } from './password-link-messages';
import { hashPasswordLinkToken, looksLikePasswordLinkToken } from './password-link-token';

export type PasswordLinkView =
  | {
      status: 'valid';
      purpose: 'INVITE' | 'RESET';
      name: string;
      email: string;
      clinicId: string;
      expiresAt: Date;
    }
  | { status: DeadPasswordLink };

export async function readPasswordLink(token: string, now: Date): Promise<PasswordLinkView> {
  if (!looksLikePasswordLinkToken(token)) return { status: 'unknown' };
  const link = await db().passwordLink.findUnique({
    where: { tokenHash: hashPasswordLinkToken(token) },
    select: {
      purpose: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      user: { select: { name: true, email: true, active: true, clinicId: true } },
    },
  });
  return judgePasswordLink(link, now);
}

type LinkRow = {
  purpose: 'INVITE' | 'RESET';
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  user: { name: string; email: string; active: boolean; clinicId: string };
};

export function judgePasswordLink(link: LinkRow | null, now: Date): PasswordLinkView {
  if (!link) return { status: 'unknown' };
  if (link.usedAt) return { status: 'used' };
  if (link.revokedAt || !link.user.active) return { status: 'revoked' };
  if (link.expiresAt <= now) return { status: 'expired' };
  return {
    status: 'valid',
    purpose: link.purpose,
    name: link.user.name,
    email: link.user.email,
    clinicId: link.user.clinicId,
    expiresAt: link.expiresAt,
  };
}
