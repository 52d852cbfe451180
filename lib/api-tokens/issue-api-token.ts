// An admin issues an API token for a user of the clinic. The token is returned
// once, here; only its hash is kept.
import 'server-only';

import { z } from 'zod';

import { recordChange } from '@/lib/audit/record-change';
import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { parseWith } from '@/lib/http/route';

import { newApiTokenSecret } from './api-token-secret';

export const issueApiTokenSchema = z.object({
  userId: z.string().trim().min(1, 'Choose whose token this is.').max(64),
  label: z
    .string()
    .trim()
    .min(2, 'Give the token a name, such as the system that will use it.')
    .max(80, 'Keep the name under 80 characters.'),
  expiresInDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(3650, 'At most 10 years.')
    .optional()
    .transform((v) => (v ? v : undefined)),
});

export type IssuedApiToken = { id: string; token: string; prefix: string; expiresAt: Date | null };

export async function issueApiToken(
  admin: SessionUser,
  input: unknown,
  now: Date = new Date(),
): Promise<IssuedApiToken> {
  assertCan(admin, 'apiTokens.manage');
  const { userId, label, expiresInDays } = parseWith(issueApiTokenSchema, input);
  const owner = await db().user.findFirst({
    where: { id: userId, clinicId: admin.clinicId },
    select: { id: true, active: true },
  });
  if (!owner)
    throw new AppError('NOT_FOUND', 'That user was not found in this clinic.', {
      fieldErrors: { userId: ['Choose a user of this clinic.'] },
    });
  if (!owner.active) {
    throw new AppError('CONFLICT', 'That account is deactivated; reactivate it before issuing it a token.', {
      fieldErrors: { userId: ['This account is deactivated.'] },
    });
  }
  const secret = newApiTokenSecret();
  const expiresAt = expiresInDays ? new Date(now.getTime() + expiresInDays * 86_400_000) : null;
  const row = await db().$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        userId,
        label,
        tokenHash: secret.hash,
        tokenPrefix: secret.prefix,
        createdById: admin.id,
        expiresAt,
      },
      select: { id: true },
    });
    await recordChange(tx, admin, 'CREATE', {
      type: 'ApiToken',
      id: created.id,
      detail: { ownerId: userId, expires: expiresAt !== null },
    });
    return created;
  });
  return { id: row.id, token: secret.token, prefix: secret.prefix, expiresAt };
}
