// Replaces a user's recovery codes with a fresh set and returns them in plain
// text, once, for the person to save. Only hashes are stored.
import 'server-only';

import { db } from '@/lib/db/client';

import { generateRecoveryCodes, hashRecoveryCode } from './recovery-codes';

type RecoveryCodeStore = Pick<ReturnType<typeof db>, 'recoveryCode'>;

export async function issueRecoveryCodes(
  userId: string,
  now: Date,
  tx: RecoveryCodeStore = db(),
): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({
    data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code), createdAt: now })),
  });
  return codes;
}

export async function countUnusedRecoveryCodes(userId: string): Promise<number> {
  return db().recoveryCode.count({ where: { userId, usedAt: null } });
}
