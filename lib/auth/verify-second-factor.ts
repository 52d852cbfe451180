// Checks the code typed at sign-in: a 6-digit authenticator code, or a
// recovery code. Both are claimed with a conditional UPDATE, so a code that two
// requests present at the same moment is accepted once.
import 'server-only';

import { db } from '@/lib/db/client';

import { hashRecoveryCode, looksLikeRecoveryCode } from './recovery-codes';
import { verifyTotp } from './totp';

export type SecondFactorUser = { id: string; totpSecret: string; totpLastStep: number | null };

export async function verifySecondFactor(user: SecondFactorUser, code: string, now: Date): Promise<boolean> {
  const trimmed = code.trim();
  if (/^\d{6}$/.test(trimmed.replace(/\s/g, ''))) {
    return claimTotpCode(user, trimmed, now);
  }
  if (looksLikeRecoveryCode(trimmed)) {
    return redeemRecoveryCode(user.id, trimmed, now);
  }
  return false;
}

/** Accepts the code if its time step is newer than the last one this user used. */
export async function claimTotpCode(user: SecondFactorUser, code: string, now: Date): Promise<boolean> {
  const step = verifyTotp(user.totpSecret, code, { atMs: now.getTime(), lastStep: user.totpLastStep });
  if (step === null) return false;
  const claimed = await db().user.updateMany({
    where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return claimed.count === 1;
}

/** Marks an unused recovery code as used; false when unknown or already used. */
export async function redeemRecoveryCode(userId: string, code: string, now: Date): Promise<boolean> {
  const used = await db().recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: now },
  });
  return used.count === 1;
}
