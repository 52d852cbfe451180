'use server';

import { revalidatePath } from 'next/cache';

import { requirePermission } from '@/lib/auth/guards';
import { runFormAction } from '@/lib/auth/run-form-action';
import { saveReminderSettings } from '@/lib/reminders/save-reminder-settings';
import { saveReminderTemplate } from '@/lib/reminders/save-reminder-template';
import { formValues, type FormState } from '@/lib/schemas/form-state';

// POST /admin/reminders – the clinic's reminder policy: times before, quiet hours, WhatsApp on/off.
export async function saveReminderSettingsAction(
  previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = formValues(formData, ['offsetsHours', 'quietStart', 'quietEnd', 'whatsappEnabled']);
  return runFormAction('reminders.settings_failed', previous, values, async () => {
    const user = await requirePermission('settings.manage');
    await saveReminderSettings(user, values);
    revalidatePath('/admin/reminders');
    return {
      status: 'success',
      message: 'Reminder policy saved. It applies to appointments booked or moved from now on.',
      values,
    };
  });
}

// POST /admin/reminders – one kind of reminder's SMS text and WhatsApp ContentSid.
export async function saveReminderTemplateAction(
  kind: 'TELEHEALTH' | 'IN_PERSON',
  previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = formValues(formData, ['smsBody', 'whatsappContentSid']);
  return runFormAction('reminders.template_failed', previous, values, async () => {
    const user = await requirePermission('settings.manage');
    await saveReminderTemplate(user, { kind, ...values });
    revalidatePath('/admin/reminders');
    return { status: 'success', message: 'Template saved. Reminders sent from now on use it.', values };
  });
}
