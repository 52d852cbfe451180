// Admins set the clinic's reminder policy: when reminders go (before each new
// appointment), quiet hours, and whether WhatsApp is used. Existing reminders
// keep their times; the policy applies to appointments booked or moved after.
import 'server-only';

import { recordAudit } from '@/lib/audit/record-audit';
import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { reminderSettingsSchema, type ReminderSettingsInput } from '@/lib/schemas/reminder';
import { parseInput } from '@/lib/schemas/parse-input';

import { forgetReminderConfig } from './get-reminder-config';

/** `input` is validated here: form strings or plain values. */
export async function saveReminderSettings(
  user: SessionUser,
  input: ReminderSettingsInput | Record<string, unknown>,
): Promise<void> {
  assertCan(user, 'settings.manage');
  const values = parseInput(reminderSettingsSchema, input);
  if (values.offsetsHours.length === 0) {
    throw new AppError('INVALID_INPUT', 'Some details need fixing.', {
      fieldErrors: { offsetsHours: ['Enter at least one time, e.g. 24, 2.'] },
    });
  }
  const data = {
    offsetsMinutes: values.offsetsHours,
    quietStart: values.quietStart,
    quietEnd: values.quietEnd,
    whatsappEnabled: values.whatsappEnabled,
    updatedById: user.id,
  };
  await db().$transaction(async (tx) => {
    await tx.reminderSettings.upsert({
      where: { clinicId: user.clinicId },
      create: { clinicId: user.clinicId, ...data },
      update: data,
    });
    await recordAudit(
      {
        actor: { id: user.id, role: user.role },
        action: 'UPDATE',
        entityType: 'ReminderSettings',
        entityId: user.clinicId,
        detail: { fields: ['offsetsMinutes', 'quietStart', 'quietEnd', 'whatsappEnabled'] },
      },
      tx,
    );
  });
  forgetReminderConfig(user.clinicId);
}
