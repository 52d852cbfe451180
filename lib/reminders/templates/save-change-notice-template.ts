// Admins edit a change notice's SMS text (moved or cancelled, per kind of
// appointment) and map it to an approved WhatsApp Content template, as for the
// reminders' templates. Refused unless the text uses only the known placeholders,
// says how to opt out, and (cancelled) gives the clinic's phone and no join link.
import 'server-only';

import type { SessionUser } from '@/lib/auth/session-user';
import { changeNoticeTemplateSchema, type ChangeNoticeTemplateInput } from '@/lib/schemas/reminder';

import { noticeTemplateProblems } from './render-template';
import { refuseField, saveReminderSetting, settingInput } from './save-reminder-setting';

/** `input` is validated here: form strings or plain values. */
export async function saveChangeNoticeTemplate(
  user: SessionUser,
  input: ChangeNoticeTemplateInput | Record<string, unknown>,
): Promise<void> {
  const values = settingInput(user, changeNoticeTemplateSchema, input);
  refuseField('smsBody', noticeTemplateProblems(values.smsBody, values.notice, values.kind));
  const data = {
    smsBody: values.smsBody,
    whatsappContentSid: values.whatsappContentSid,
    updatedById: user.id,
  };
  const { notice, kind } = values;
  await saveReminderSetting(
    user,
    {
      entityType: 'ChangeNoticeTemplate',
      entityId: `${notice}:${kind}`,
      fields: ['smsBody', 'whatsappContentSid'],
    },
    (tx) =>
      tx.changeNoticeTemplate.upsert({
        where: { clinicId_notice_kind: { clinicId: user.clinicId, notice, kind } },
        create: { clinicId: user.clinicId, notice, kind, ...data },
        update: data,
      }),
  );
}
