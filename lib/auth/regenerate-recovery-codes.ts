// A new set of recovery codes (the old ones stop working). Asks for the
// password again, so an unattended signed-in screen is not enough.
import 'server-only';

import { recordChange } from '@/lib/audit/record-change';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { parseInput } from '@/lib/schemas/parse-input';
import { confirmPasswordSchema } from '@/lib/schemas/user';

import { assertCurrentPassword } from './change-password';
import { issueRecoveryCodes } from './issue-recovery-codes';
import type { SessionUser } from './session-user';

export async function regenerateRecoveryCodes(
  user: SessionUser,
  input: { password: unknown },
  now = new Date(),
): Promise<string[]> {
  const { password } = parseInput(confirmPasswordSchema, input);
  await assertCurrentPassword(user.id, password, 'password');
  const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true } });
  if (!row.totpEnabledAt) {
    throw new AppError('CONFLICT', 'Set up two-factor sign-in first; recovery codes come with it.');
  }
  return db().$transaction(async (tx) => {
    const codes = await issueRecoveryCodes(user.id, now, tx);
    await recordChange(tx, user, 'UPDATE', {
      type: 'User',
      id: user.id,
      detail: { event: 'recovery_codes_regenerated', fields: ['recoveryCodes'] },
    });
    return codes;
  });
}
