'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';

import { cancelAppointment } from '@/lib/appointments/cancel-appointment';
import { checkPatientClock, checkRescheduleClock } from '@/lib/appointments/check-patient-clock';
import { createAppointment } from '@/lib/appointments/create-appointment';
import { rescheduleAppointment } from '@/lib/appointments/reschedule-appointment';
import { updateAppointmentStatus } from '@/lib/appointments/update-appointment-status';
import { formAction } from '@/lib/http/form-action';
import { CONFIRM_FIELD, confirmed } from '@/lib/schemas/confirmation';
import {
  appointmentFieldForForm,
  appointmentFormFields,
  appointmentFormSchema,
  rescheduleFormFields,
  rescheduleFormSchema,
} from '@/lib/schemas/appointment';
import type { FormState } from '@/lib/schemas/form-state';
import { parseInput } from '@/lib/schemas/parse-input';
import { entityId, freeText, singleLine, textFieldsOf } from '@/lib/schemas/safe-text';
import { getClinicTimeZone } from '@/lib/time/get-clinic-time-zone';

// The raw fields here; the clinic-time meaning (its timezone needs the user's
// clinic) is parsed inside each action with the field messages people see.
const appointmentForm = textFieldsOf(appointmentFormFields, 64).extend({
  // Sent by "Book anyway" after the warning that the slot is outside the patient's day.
  bookAnyway: singleLine(200).optional(),
});
// "Notify the patient" (checked by default): an unticked box is absent from the form.
const notifyPatient = z
  .literal('on')
  .optional()
  .transform((v) => v === 'on');
const rescheduleForm = textFieldsOf(rescheduleFormFields, 64).extend({
  appointmentId: entityId,
  notifyPatient,
  // Sent by "Move anyway" after the warning that the new slot is outside the patient's day.
  moveAnyway: singleLine(200).optional(),
});
// Cancelling must be confirmed (components/ui/confirm-dialog.tsx), with or without JavaScript.
const cancelForm = z.object({
  appointmentId: entityId,
  reason: freeText(2000).optional(),
  notifyPatient,
  [CONFIRM_FIELD]: confirmed(),
});
const statusForm = z.object({ appointmentId: entityId, status: z.string().max(32).optional() });

export type BookingState = FormState & { patientClock?: { question: string; token: string } };

// POST /appointments/new – book an appointment (times in the clinic's timezone), then open it.
// A slot outside 7:00–21:00 on the patient's clock is asked about first (not refused).
export async function createAppointmentAction(
  previous: BookingState,
  formData: FormData,
): Promise<BookingState> {
  return formAction<
    typeof appointmentForm,
    { patientClock: { question: string; token: string } },
    'appointments.write'
  >(
    {
      event: 'appointments.create_failed',
      schema: appointmentForm,
      fields: [...appointmentFormFields, 'bookAnyway'],
      fieldMap: appointmentFieldForForm,
      permission: 'appointments.write',
    },
    previous,
    formData,
    async ({ bookAnyway, ...form }, { user, values }) => {
      const input = parseInput(appointmentFormSchema(await getClinicTimeZone(user.clinicId)), form);
      const clock = await checkPatientClock(user, input);
      if (clock && clock.token !== bookAnyway) {
        const { bookAnyway: _unused, ...echo } = values;
        return { status: 'error', message: clock.question, values: echo, patientClock: clock };
      }
      const { id } = await createAppointment(user, input);
      redirect(`/appointments/${id}?saved=booked`);
    },
  );
}

export type RescheduleState = FormState & { patientClock?: { question: string; token: string } };

// POST /appointments/[id] – move an appointment to a new time (same id). A new slot outside
// 7:00–21:00 on the patient's clock is asked about first (not refused), as when booking.
export async function rescheduleAppointmentAction(
  appointmentId: string,
  previous: RescheduleState,
  formData: FormData,
): Promise<RescheduleState> {
  return formAction<
    typeof rescheduleForm,
    { patientClock: { question: string; token: string } },
    'appointments.write'
  >(
    {
      event: 'appointments.reschedule_failed',
      schema: rescheduleForm,
      fields: [...rescheduleFormFields, 'notifyPatient', 'moveAnyway'],
      args: { appointmentId },
      fieldMap: appointmentFieldForForm,
      permission: 'appointments.write',
    },
    previous,
    formData,
    async ({ appointmentId: id, notifyPatient: notify, moveAnyway, ...form }, { user, values }) => {
      const input = parseInput(rescheduleFormSchema(await getClinicTimeZone(user.clinicId)), form);
      const clock = await checkRescheduleClock(user, id, input);
      if (clock && clock.token !== moveAnyway) {
        const { moveAnyway: _unused, ...echo } = values;
        return { status: 'error', message: clock.question, values: echo, patientClock: clock };
      }
      await rescheduleAppointment(user, id, input, { notifyPatient: notify });
      redirect(`/appointments/${encodeURIComponent(id)}?saved=rescheduled`);
    },
  );
}

// POST /appointments/[id] – cancel an appointment, with an optional reason.
export async function cancelAppointmentAction(
  appointmentId: string,
  previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return formAction(
    {
      event: 'appointments.cancel_failed',
      schema: cancelForm,
      fields: ['reason', 'notifyPatient', CONFIRM_FIELD],
      args: { appointmentId },
      fieldMap: appointmentFieldForForm,
      permission: 'appointments.write',
    },
    previous,
    formData,
    async ({ appointmentId: id, reason, notifyPatient: notify }, { user }) => {
      await cancelAppointment(user, id, { reason }, { notifyPatient: notify });
      redirect(`/appointments/${encodeURIComponent(id)}?saved=cancelled`);
    },
  );
}

// POST /appointments/[id] – mark an appointment booked, confirmed, completed or a no-show.
export async function updateAppointmentStatusAction(
  appointmentId: string,
  previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return formAction(
    {
      event: 'appointments.status_failed',
      schema: statusForm,
      fields: ['status'],
      args: { appointmentId },
      fieldMap: appointmentFieldForForm,
      permission: 'appointments.write',
    },
    previous,
    formData,
    async ({ appointmentId: id, status }, { user }) => {
      await updateAppointmentStatus(user, id, { status: status ?? '' });
      redirect(`/appointments/${encodeURIComponent(id)}?saved=status`);
    },
  );
}
