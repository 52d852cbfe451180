// Admins set the clinic's reminder policy: when reminders go (before each new
// appointment), quiet hours, and whether WhatsApp is used. Existing reminders
// keep their times; the policy applies to appointments booked or moved after.
import 'server-only';

import type { SessionUser } from '@/lib/auth/session-user';
import { reminderSettingsSchema, type ReminderSettingsInput } from '@/lib/schemas/reminder';

import { refuseField, saveReminderSetting, settingInput } from './save-reminder-setting';

/** `input` is validated here: form strings or plain values. */
export async function saveReminderSettings(
  user: SessionUser,
  input: ReminderSettingsInput | Record<string, unknown>,
): Promise<void> {
  const values = settingInput(user, reminderSettingsSchema, input);
  refuseField(
    'offsetsHours',
    values.offsetsHours.length === 0 ? ['Enter at least one time, e.g. 24, 2.'] : [],
  );
  const data = {
    offsetsMinutes: values.offsetsHours,
    quietStart: values.quietStart,
    quietEnd: values.quietEnd,
    whatsappEnabled: values.whatsappEnabled,
    updatedById: user.id,
  };
  await saveReminderSetting(
    user,
    {
      entityType: 'ReminderSettings',
      entityId: user.clinicId,
      fields: ['offsetsMinutes', 'quietStart', 'quietEnd', 'whatsappEnabled'],
    },
    (tx) =>
      tx.reminderSettings.upsert({
        where: { clinicId: user.clinicId },
        create: { clinicId: user.clinicId, ...data },
        update: data,
      }),
  );
}
