// Admins edit the SMS text of a kind of reminder and map it to the approved
// WhatsApp Content template (ContentSid). Refused unless the text uses only
// the known placeholders and says how to opt out (render-template.ts).
import 'server-only';

import type { SessionUser } from '@/lib/auth/session-user';
import { reminderTemplateSchema, type ReminderTemplateInput } from '@/lib/schemas/reminder';

import { templateProblems } from './render-template';
import { refuseField, saveReminderSetting, settingInput } from './save-reminder-setting';

/** `input` is validated here: form strings or plain values. */
export async function saveReminderTemplate(
  user: SessionUser,
  input: ReminderTemplateInput | Record<string, unknown>,
): Promise<void> {
  const values = settingInput(user, reminderTemplateSchema, input);
  refuseField('smsBody', templateProblems(values.smsBody, values.kind));
  const data = {
    smsBody: values.smsBody,
    whatsappContentSid: values.whatsappContentSid,
    updatedById: user.id,
  };
  await saveReminderSetting(
    user,
    { entityType: 'ReminderTemplate', entityId: values.kind, fields: ['smsBody', 'whatsappContentSid'] },
    (tx) =>
      tx.reminderTemplate.upsert({
        where: { clinicId_kind: { clinicId: user.clinicId, kind: values.kind } },
        create: { clinicId: user.clinicId, kind: values.kind, ...data },
        update: data,
      }),
  );
}
