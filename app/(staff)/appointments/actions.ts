'use server';

import { redirect, unstable_rethrow } from 'next/navigation';

import { cancelAppointment } from '@/lib/appointments/cancel-appointment';
import { createAppointment } from '@/lib/appointments/create-appointment';
import { rescheduleAppointment } from '@/lib/appointments/reschedule-appointment';
import { updateAppointmentStatus } from '@/lib/appointments/update-appointment-status';
import { requirePermission } from '@/lib/auth/guards';
import { log } from '@/lib/log/logger';
import {
  appointmentFieldForForm,
  appointmentFormFields,
  appointmentFormSchema,
  rescheduleFormFields,
  rescheduleFormSchema,
} from '@/lib/schemas/appointment';
import { expectedErrorState, formValues, UNEXPECTED_MESSAGE, type FormState } from '@/lib/schemas/form-state';
import { parseInput } from '@/lib/schemas/parse-input';
import { getClinicTimeZone } from '@/lib/time/get-clinic-time-zone';

function failure(
  event: string,
  err: unknown,
  previous: FormState,
  values: Record<string, string>,
): FormState {
  const expected = expectedErrorState(err, previous, values, appointmentFieldForForm);
  if (expected) return expected;
  // Name and code only: database errors can quote the values that were sent.
  const code = (err as { code?: unknown } | null)?.code;
  log.error(event, {
    errorName: err instanceof Error ? err.name : typeof err,
    errorCode: typeof code === 'string' ? code : undefined,
  });
  return { status: 'error', message: UNEXPECTED_MESSAGE, values, attempt: previous.attempt + 1 };
}

// POST /appointments/new – book an appointment (times in the clinic's timezone), then open it.
export async function createAppointmentAction(previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, appointmentFormFields);
  let id: string;
  try {
    const user = await requirePermission('appointments.write');
    const input = parseInput(appointmentFormSchema(await getClinicTimeZone(user.clinicId)), values);
    ({ id } = await createAppointment(user, input));
  } catch (err) {
    unstable_rethrow(err);
    return failure('appointments.create_failed', err, previous, values);
  }
  redirect(`/appointments/${id}?saved=booked`);
}

// POST /appointments/[id] – move an appointment to a new time (same id).
export async function rescheduleAppointmentAction(
  appointmentId: string,
  previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = formValues(formData, rescheduleFormFields);
  try {
    const user = await requirePermission('appointments.write');
    const input = parseInput(rescheduleFormSchema(await getClinicTimeZone(user.clinicId)), values);
    await rescheduleAppointment(user, appointmentId, input);
  } catch (err) {
    unstable_rethrow(err);
    return failure('appointments.reschedule_failed', err, previous, values);
  }
  redirect(`/appointments/${encodeURIComponent(appointmentId)}?saved=rescheduled`);
}

// POST /appointments/[id] – cancel an appointment, with an optional reason.
export async function cancelAppointmentAction(
  appointmentId: string,
  previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = formValues(formData, ['reason']);
  try {
    const user = await requirePermission('appointments.write');
    await cancelAppointment(user, appointmentId, { reason: values.reason });
  } catch (err) {
    unstable_rethrow(err);
    return failure('appointments.cancel_failed', err, previous, values);
  }
  redirect(`/appointments/${encodeURIComponent(appointmentId)}?saved=cancelled`);
}

// POST /appointments/[id] – mark an appointment booked, confirmed, completed or a no-show.
export async function updateAppointmentStatusAction(
  appointmentId: string,
  previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = formValues(formData, ['status']);
  try {
    const user = await requirePermission('appointments.write');
    await updateAppointmentStatus(user, appointmentId, { status: values.status ?? '' });
  } catch (err) {
    unstable_rethrow(err);
    return failure('appointments.status_failed', err, previous, values);
  }
  redirect(`/appointments/${encodeURIComponent(appointmentId)}?saved=status`);
}
