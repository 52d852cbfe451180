'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';

import { formAction } from '@/lib/http/form-action';
import { saveReminderSettings } from '@/lib/reminders/templates/save-reminder-settings';
import { saveChangeNoticeTemplate } from '@/lib/reminders/templates/save-change-notice-template';
import { saveReminderTemplate } from '@/lib/reminders/templates/save-reminder-template';
import type { FormState } from '@/lib/schemas/form-state';
import { textFields } from '@/lib/schemas/safe-text';

const settingsFields = ['offsetsHours', 'quietStart', 'quietEnd', 'whatsappEnabled'] as const;
const settingsForm = textFields({ offsetsHours: 200, quietStart: 16, quietEnd: 16, whatsappEnabled: 16 });
const templateFields = ['smsBody', 'whatsappContentSid'] as const;
const templateForm = textFields({ smsBody: 2000, whatsappContentSid: 64 }).extend({
  kind: z.enum(['TELEHEALTH', 'IN_PERSON']),
});
const noticeTemplateForm = templateForm.extend({ notice: z.enum(['MOVED', 'CANCELLED']) });

// POST /admin/reminders – the clinic's reminder policy: times before, quiet hours, WhatsApp on/off.
export async function saveReminderSettingsAction(
  previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return formAction(
    {
      event: 'reminders.settings_failed',
      schema: settingsForm,
      fields: settingsFields,
      permission: 'settings.manage',
    },
    previous,
    formData,
    async (input, { user, values }) => {
      await saveReminderSettings(user, input);
      revalidatePath('/admin/reminders');
      return {
        status: 'success',
        message: 'Reminder policy saved. It applies to appointments booked or moved from now on.',
        values,
      };
    },
  );
}

// POST /admin/reminders – one kind of reminder's SMS text and WhatsApp ContentSid.
export async function saveReminderTemplateAction(
  kind: 'TELEHEALTH' | 'IN_PERSON',
  previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return formAction(
    {
      event: 'reminders.template_failed',
      schema: templateForm,
      fields: templateFields,
      args: { kind },
      permission: 'settings.manage',
    },
    previous,
    formData,
    async (input, { user, values }) => {
      await saveReminderTemplate(user, input);
      revalidatePath('/admin/reminders');
      return { status: 'success', message: 'Template saved. Reminders sent from now on use it.', values };
    },
  );
}

// POST /admin/reminders – one change notice's SMS text and WhatsApp ContentSid (moved or cancelled, per kind).
export async function saveChangeNoticeTemplateAction(
  notice: 'MOVED' | 'CANCELLED',
  kind: 'TELEHEALTH' | 'IN_PERSON',
  previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return formAction(
    {
      event: 'reminders.notice_template_failed',
      schema: noticeTemplateForm,
      fields: templateFields,
      args: { notice, kind },
      permission: 'settings.manage',
    },
    previous,
    formData,
    async (input, { user, values }) => {
      await saveChangeNoticeTemplate(user, input);
      revalidatePath('/admin/reminders');
      return { status: 'success', message: 'Template saved. Notices sent from now on use it.', values };
    },
  );
}
