'use server';

// Server actions for the reminders panel and page. Each checks its permission
// and hands the work to lib/reminders; refusals come back as form messages.

import { revalidatePath } from 'next/cache';
import { z } from 'zod';

import { AppError } from '@/lib/errors/app-error';
import { formAction } from '@/lib/http/form-action';
import { addReminder } from '@/lib/reminders/staff/add-reminder';
import { cancelReminder } from '@/lib/reminders/staff/cancel-reminder';
import { markReplyHandled } from '@/lib/reminders/replies/mark-reply-handled';
import { moveReminder } from '@/lib/reminders/staff/move-reminder';
import { describeReason } from '@/lib/reminders/status/reminder-reasons';
import { resendReminder } from '@/lib/reminders/staff/resend-reminder';
import type { FormState } from '@/lib/schemas/form-state';
import { entityId, textFields } from '@/lib/schemas/safe-text';
import { getClinicTimeZone } from '@/lib/time/get-clinic-time-zone';
import { formatInTimeZone, parseDateTimeLocal } from '@/lib/time/clinic-time';

const TIME_FIELD_MESSAGE = 'Enter the date and time to send it.';

const sendAtForm = textFields({ sendAt: 64 });

/** A datetime-local value in the clinic's timezone, or a field error. */
function sendAtFrom(sendAt: string | undefined, timeZone: string): Date {
  const parsed = parseDateTimeLocal(sendAt ?? '', timeZone);
  if (!parsed.ok) {
    const message =
      parsed.reason === 'NONEXISTENT'
        ? 'That time does not exist on this day (the clocks go forward). Choose another.'
        : TIME_FIELD_MESSAGE;
    throw new AppError('INVALID_INPUT', message, { fieldErrors: { sendAt: [message] } });
  }
  return parsed.date;
}

function outcomeMessage(
  r: { status: 'SCHEDULED' | 'SKIPPED'; reason: string | null; dueAt?: Date },
  timeZone: string,
  verb: string,
) {
  if (r.status === 'SKIPPED') return `${verb}, but it will not be sent: ${describeReason(r.reason) ?? ''}`;
  return r.dueAt ? `${verb} for ${formatInTimeZone(r.dueAt, timeZone, 'EEE d MMM, h:mm aaa')}.` : `${verb}.`;
}

function refresh(appointmentId?: string) {
  if (appointmentId) revalidatePath(`/appointments/${appointmentId}`);
  revalidatePath('/reminders');
}

// POST /appointments/[id] – add a reminder at a chosen time (clinic timezone).
export async function addReminderAction(
  appointmentId: string,
  previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return formAction(
    {
      event: 'reminders.add_failed',
      schema: sendAtForm.extend({ appointmentId: entityId }),
      fields: ['sendAt'],
      args: { appointmentId },
      permission: 'reminders.write',
    },
    previous,
    formData,
    async ({ appointmentId: id, sendAt }, { user }) => {
      const timeZone = await getClinicTimeZone(user.clinicId);
      const result = await addReminder(user, id, { sendAt: sendAtFrom(sendAt, timeZone) });
      refresh(id);
      return { status: 'success', message: outcomeMessage(result, timeZone, 'Reminder added') };
    },
  );
}

// POST /appointments/[id] – move a waiting (or skipped) reminder to another time.
export async function moveReminderAction(
  reminderId: string,
  appointmentId: string,
  previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return formAction(
    {
      event: 'reminders.move_failed',
      schema: sendAtForm.extend({ reminderId: entityId, appointmentId: entityId }),
      fields: ['sendAt'],
      args: { reminderId, appointmentId },
      permission: 'reminders.write',
    },
    previous,
    formData,
    async (input, { user }) => {
      const timeZone = await getClinicTimeZone(user.clinicId);
      const result = await moveReminder(user, input.reminderId, {
        sendAt: sendAtFrom(input.sendAt, timeZone),
      });
      refresh(input.appointmentId);
      return { status: 'success', message: outcomeMessage(result, timeZone, 'Reminder moved') };
    },
  );
}

// POST /appointments/[id] – cancel one reminder that has not gone out.
export async function cancelReminderAction(
  reminderId: string,
  appointmentId: string,
  previous: FormState,
): Promise<FormState> {
  return formAction(
    {
      event: 'reminders.cancel_failed',
      schema: z.object({ reminderId: entityId, appointmentId: entityId }),
      args: { reminderId, appointmentId },
      permission: 'reminders.write',
    },
    previous,
    undefined,
    async (input, { user }) => {
      await cancelReminder(user, input.reminderId);
      refresh(input.appointmentId);
      return { status: 'success', message: 'Reminder cancelled.' };
    },
  );
}

// POST /appointments/[id] – send a reminder again now (quiet hours permitting).
export async function resendReminderAction(appointmentId: string, previous: FormState): Promise<FormState> {
  return formAction(
    {
      event: 'reminders.resend_failed',
      schema: z.object({ appointmentId: entityId }),
      args: { appointmentId },
      permission: 'reminders.write',
    },
    previous,
    undefined,
    async ({ appointmentId: id }, { user }) => {
      const timeZone = await getClinicTimeZone(user.clinicId);
      const result = await resendReminder(user, id);
      refresh(id);
      return { status: 'success', message: outcomeMessage(result, timeZone, 'Reminder queued to send now') };
    },
  );
}

// POST /reminders – a reply has been dealt with.
export async function markReplyHandledAction(replyId: string, previous: FormState): Promise<FormState> {
  return formAction(
    {
      event: 'reminders.reply_handled_failed',
      schema: z.object({ replyId: entityId }),
      args: { replyId },
      permission: 'reminders.write',
    },
    previous,
    undefined,
    async (input, { user }) => {
      await markReplyHandled(user, input.replyId);
      refresh();
      return { status: 'success', message: 'Marked as dealt with.' };
    },
  );
}
