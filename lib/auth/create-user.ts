// An administrator adds a staff account with a temporary password. Clinician
// accounts also get their Clinician row (given and family name).
import 'server-only';

import { recordAudit } from '@/lib/audit/record-audit';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { AppError } from '@/lib/errors/app-error';
import { parseInput } from '@/lib/schemas/parse-input';
import { createUserSchema, type CreateUserInput } from '@/lib/schemas/user';

import { assertCan } from './guards';
import { hashPassword } from './password';
import type { SessionUser } from './session-user';

const EMAIL_TAKEN = 'An account with this email address already exists.';

export async function createUser(
  actor: SessionUser,
  input: Partial<Record<keyof CreateUserInput, unknown>>,
): Promise<{ id: string }> {
  assertCan(actor, 'users.manage');
  const values = parseInput(createUserSchema, input);

  const existing = await db().user.findFirst({
    where: { email: { equals: values.email, mode: 'insensitive' } },
    select: { id: true },
  });
  if (existing) throw new AppError('INVALID_INPUT', EMAIL_TAKEN, { fieldErrors: { email: [EMAIL_TAKEN] } });

  const passwordHash = await hashPassword(values.temporaryPassword);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          clinicId: actor.clinicId,
          email: values.email,
          name: values.name,
          role: values.role,
          passwordHash,
          ...(values.role === 'CLINICIAN'
            ? { clinician: { create: { givenName: values.givenName!, familyName: values.familyName! } } }
            : {}),
        },
        select: { id: true },
      });
      await recordAudit(
        {
          actor: { id: actor.id, role: actor.role },
          action: 'CREATE',
          entityType: 'User',
          entityId: user.id,
          detail: { event: 'user_created', fields: ['name', 'email', 'role', 'passwordHash'] },
        },
        tx,
      );
      return user;
    });
  } catch (err) {
    // Two administrators adding the same email at once: the unique index decides.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      throw new AppError('INVALID_INPUT', EMAIL_TAKEN, { fieldErrors: { email: [EMAIL_TAKEN] } });
    }
    throw err;
  }
}
