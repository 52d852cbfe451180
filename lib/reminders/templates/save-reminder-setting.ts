// What the admin forms for reminders share: a refusal that names the field,
// and the write with its audit entry, after which the cached config is dropped.
import 'server-only';

import type { z } from 'zod';

import { recordAudit } from '@/lib/audit/record-audit';
import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { AppError } from '@/lib/errors/app-error';
import { parseInput } from '@/lib/schemas/parse-input';

import { forgetReminderConfig } from './get-reminder-config';

/** Only an admin may change these; the form's values, validated (form strings or plain values). */
export function settingInput<S extends z.ZodType>(user: SessionUser, schema: S, input: unknown): z.output<S> {
  assertCan(user, 'settings.manage');
  return parseInput(schema, input);
}

/** Refuses the form with what is wrong in one field; nothing is saved. */
export function refuseField(field: string, problems: string[]): void {
  if (problems.length) {
    throw new AppError('INVALID_INPUT', 'Some details need fixing.', { fieldErrors: { [field]: problems } });
  }
}

export async function saveReminderSetting(
  user: SessionUser,
  audit: { entityType: string; entityId: string; fields: string[] },
  write: (tx: Prisma.TransactionClient) => Promise<unknown>,
): Promise<void> {
  await db().$transaction(async (tx) => {
    await write(tx);
    await recordAudit(
      {
        actor: { id: user.id, role: user.role },
        action: 'UPDATE',
        entityType: audit.entityType,
        entityId: audit.entityId,
        detail: { fields: audit.fields },
      },
      tx,
    );
  });
  forgetReminderConfig(user.clinicId);
}
