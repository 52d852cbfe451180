// A signed-in person changes their own password. The current password is
// checked first; afterwards every other session of theirs is ended.
import 'server-only';

import { recordChange } from '@/lib/audit/record-change';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { parseInput } from '@/lib/schemas/parse-input';
import { changePasswordSchema, type ChangePasswordInput } from '@/lib/schemas/user';

import { hashPassword, verifyPassword } from './password';
import type { SessionUser } from './session-user';

const WRONG_PASSWORD = 'That is not your current password.';

export async function changePassword(
  user: SessionUser,
  input: Partial<Record<keyof ChangePasswordInput, unknown>>,
  now = new Date(),
): Promise<void> {
  const values = parseInput(changePasswordSchema, input);
  await assertCurrentPassword(user.id, values.currentPassword, 'currentPassword');
  const passwordHash = await hashPassword(values.newPassword);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.authSession.updateMany({
      where: { userId: user.id, revokedAt: null, id: { not: user.sessionId } },
      data: { revokedAt: now },
    });
    await recordChange(tx, user, 'UPDATE', {
      type: 'User',
      id: user.id,
      detail: { event: 'password_changed', fields: ['passwordHash'] },
    });
  });
}

/** Re-asks for the password before a sensitive change; throws a field error when wrong. */
export async function assertCurrentPassword(userId: string, password: string, field: string): Promise<void> {
  const row = await db().user.findUnique({
    where: { id: userId },
    select: { passwordHash: true },
  });
  if (!row || !(await verifyPassword(row.passwordHash, password))) {
    throw new AppError('INVALID_INPUT', WRONG_PASSWORD, { fieldErrors: { [field]: [WRONG_PASSWORD] } });
  }
}
