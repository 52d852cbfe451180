// Admins edit the SMS text of a kind of reminder and map it to the approved
// WhatsApp Content template (ContentSid). Refused unless the text uses only
// the known placeholders and says how to opt out (render-template.ts).
import 'server-only';

import { recordAudit } from '@/lib/audit/record-audit';
import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { reminderTemplateSchema, type ReminderTemplateInput } from '@/lib/schemas/reminder';
import { parseInput } from '@/lib/schemas/parse-input';

import { forgetReminderConfig } from './get-reminder-config';
import { templateProblems } from './render-template';

/** `input` is validated here: form strings or plain values. */
export async function saveReminderTemplate(
  user: SessionUser,
  input: ReminderTemplateInput | Record<string, unknown>,
): Promise<void> {
  assertCan(user, 'settings.manage');
  const values = parseInput(reminderTemplateSchema, input);
  const problems = templateProblems(values.smsBody, values.kind);
  if (problems.length) {
    throw new AppError('INVALID_INPUT', 'Some details need fixing.', { fieldErrors: { smsBody: problems } });
  }
  const data = {
    smsBody: values.smsBody,
    whatsappContentSid: values.whatsappContentSid,
    updatedById: user.id,
  };
  await db().$transaction(async (tx) => {
    await tx.reminderTemplate.upsert({
      where: { clinicId_kind: { clinicId: user.clinicId, kind: values.kind } },
      create: { clinicId: user.clinicId, kind: values.kind, ...data },
      update: data,
    });
    await recordAudit(
      {
        actor: { id: user.id, role: user.role },
        action: 'UPDATE',
        entityType: 'ReminderTemplate',
        entityId: values.kind,
        detail: { fields: ['smsBody', 'whatsappContentSid'] },
      },
      tx,
    );
  });
  forgetReminderConfig(user.clinicId);
}
