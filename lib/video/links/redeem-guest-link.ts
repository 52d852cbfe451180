// A guest link works once: its first use swaps it for a rejoin key that only
// that browser holds (stored as a hash). Two tabs racing on the same link: one wins.
import 'server-only';

import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';

import { newRejoinKey } from './link-token';

export async function redeemGuestLink(guestLinkId: string, now: Date): Promise<string> {
  const { key, hash } = newRejoinKey();
  const redeemed = await db().guestLink.updateMany({
    where: { id: guestLinkId, redeemedAt: null, revokedAt: null },
    data: { redeemedAt: now, rejoinKeyHash: hash },
  });
  if (redeemed.count !== 1) {
    throw new AppError(
      'GONE',
      'This guest link has already been used, and each guest link works once. Ask the clinician for a new one.',
      { details: { reason: 'GUEST_LINK_USED' } },
    );
  }
  return key;
}
