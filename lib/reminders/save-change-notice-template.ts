// Admins edit a change notice's SMS text (moved or cancelled, per kind of
// appointment) and map it to an approved WhatsApp Content template, as for the
// reminders' templates. Refused unless the text uses only the known placeholders,
// says how to opt out, and (cancelled) gives the clinic's phone and no join link.
import 'server-only';

import { recordAudit } from '@/lib/audit/record-audit';
import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { changeNoticeTemplateSchema, type ChangeNoticeTemplateInput } from '@/lib/schemas/reminder';
import { parseInput } from '@/lib/schemas/parse-input';

import { forgetReminderConfig } from './get-reminder-config';
import { noticeTemplateProblems } from './render-template';

/** `input` is validated here: form strings or plain values. */
export async function saveChangeNoticeTemplate(
  user: SessionUser,
  input: ChangeNoticeTemplateInput | Record<string, unknown>,
): Promise<void> {
  assertCan(user, 'settings.manage');
  const values = parseInput(changeNoticeTemplateSchema, input);
  const problems = noticeTemplateProblems(values.smsBody, values.notice, values.kind);
  if (problems.length) {
    throw new AppError('INVALID_INPUT', 'Some details need fixing.', { fieldErrors: { smsBody: problems } });
  }
  const data = {
    smsBody: values.smsBody,
    whatsappContentSid: values.whatsappContentSid,
    updatedById: user.id,
  };
  await db().$transaction(async (tx) => {
    await tx.changeNoticeTemplate.upsert({
      where: {
        clinicId_notice_kind: { clinicId: user.clinicId, notice: values.notice, kind: values.kind },
      },
      create: { clinicId: user.clinicId, notice: values.notice, kind: values.kind, ...data },
      update: data,
    });
    await recordAudit(
      {
        actor: { id: user.id, role: user.role },
        action: 'UPDATE',
        entityType: 'ChangeNoticeTemplate',
        entityId: `${values.notice}:${values.kind}`,
        detail: { fields: ['smsBody', 'whatsappContentSid'] },
      },
      tx,
    );
  });
  forgetReminderConfig(user.clinicId);
}
