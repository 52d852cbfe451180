// Appointment input and output shapes. The form sends a date, a start time and
// a duration in the clinic's timezone; the lib functions take UTC instants.
import { z } from 'zod';

import { isValidDateString, isValidTimeString, zonedTimeToUtc } from '@/lib/time/clinic-time';

import {
  APPOINTMENT_KINDS,
  APPOINTMENT_STATUSES,
  CANCEL_REASON_MAX,
  MAX_DURATION_MINUTES,
  MIN_DURATION_MINUTES,
} from './appointment-options';

export * from './appointment-options';

const id = (message: string) =>
  z.string({ error: message }).trim().min(1, { error: message }).max(64, { error: message });

export const SLOT_MESSAGES = {
  endBeforeStart: 'The end must be after the start.',
  tooLong: `An appointment can be at most ${MAX_DURATION_MINUTES / 60} hours long.`,
  tooShort: `An appointment must be at least ${MIN_DURATION_MINUTES} minutes long.`,
  inPast: 'That start time has already passed. Choose a time later than now.',
} as const;

/** End after start and no longer than four hours. Issues go on startsAt/endsAt. */
function checkSlot(v: { startsAt: Date; endsAt: Date }, ctx: z.RefinementCtx): void {
  const minutes = (v.endsAt.getTime() - v.startsAt.getTime()) / 60_000;
  if (minutes <= 0) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: SLOT_MESSAGES.endBeforeStart });
  else if (minutes < MIN_DURATION_MINUTES)
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: SLOT_MESSAGES.tooShort });
  else if (minutes > MAX_DURATION_MINUTES)
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: SLOT_MESSAGES.tooLong });
}

const instant = (message: string) =>
  z.date({ error: message }).refine((d) => !Number.isNaN(d.getTime()), { error: message });

/** What createAppointment accepts: UTC instants. */
export const createAppointmentSchema = z
  .object({
    patientId: id('Choose a patient.'),
    clinicianId: id('Choose a clinician.'),
    startsAt: instant('Enter a start date and time.'),
    endsAt: instant('Enter an end time or a duration.'),
    kind: z.enum(APPOINTMENT_KINDS, { error: 'Choose telehealth or in person.' }),
  })
  .superRefine(checkSlot);
export type CreateAppointmentInput = z.input<typeof createAppointmentSchema>;

/** What rescheduleAppointment accepts. The id and clinician stay the same. */
export const rescheduleAppointmentSchema = z
  .object({
    startsAt: instant('Enter a start date and time.'),
    endsAt: instant('Enter an end time or a duration.'),
  })
  .superRefine(checkSlot);
export type RescheduleAppointmentInput = z.input<typeof rescheduleAppointmentSchema>;

export const cancelAppointmentSchema = z.object({
  reason: z
    .string()
    .trim()
    .max(CANCEL_REASON_MAX, { error: `Keep the reason to ${CANCEL_REASON_MAX} characters or fewer.` })
    .nullish()
    .transform((v) => (v ? v : null)),
});
export type CancelAppointmentInput = z.input<typeof cancelAppointmentSchema>;

/** Status changes other than cancelling (which has its own function and hooks). */
export const appointmentStatusChangeSchema = z.object({
  status: z.enum(['BOOKED', 'CONFIRMED', 'COMPLETED', 'NO_SHOW'], { error: 'Choose a status.' }),
});

// ── Form schemas: clinic wall-clock fields → UTC ────────────────────────────

const whenFields = {
  date: z
    .string({ error: 'Enter a date.' })
    .trim()
    .refine(isValidDateString, { error: 'Enter a real date, for example 7 April 2026.' }),
  startTime: z
    .string({ error: 'Enter a start time.' })
    .trim()
    .refine(isValidTimeString, { error: 'Enter a start time, for example 9:30 am.' }),
  durationMinutes: z
    .string({ error: 'Enter how many minutes the appointment lasts.' })
    .trim()
    .refine((v) => /^\d{1,4}$/.test(v), {
      error: 'Enter the duration as a whole number of minutes, for example 50.',
    })
    .transform(Number)
    .refine((n) => n >= MIN_DURATION_MINUTES && n <= MAX_DURATION_MINUTES, {
      error: `Enter a duration from ${MIN_DURATION_MINUTES} to ${MAX_DURATION_MINUTES} minutes (4 hours).`,
    }),
};

function toInstants<T extends { date: string; startTime: string; durationMinutes: number }>(
  timeZone: string,
  v: T,
  ctx: z.RefinementCtx,
): (Omit<T, 'date' | 'startTime' | 'durationMinutes'> & { startsAt: Date; endsAt: Date }) | typeof z.NEVER {
  const start = zonedTimeToUtc(v.date, v.startTime, timeZone);
  if (!start.ok) {
    ctx.addIssue({
      code: 'custom',
      path: ['startTime'],
      message:
        start.reason === 'NONEXISTENT'
          ? 'That time does not exist on this day because the clocks go forward. Choose a later time.'
          : 'Enter a start time, for example 9:30 am.',
    });
    return z.NEVER;
  }
  const { date: _d, startTime: _t, durationMinutes, ...rest } = v;
  return { ...rest, startsAt: start.date, endsAt: new Date(start.date.getTime() + durationMinutes * 60_000) };
}

/** The booking form, in the clinic's timezone. */
export function appointmentFormSchema(timeZone: string) {
  return z
    .object({
      patientId: id('Choose a patient.'),
      clinicianId: id('Choose a clinician.'),
      ...whenFields,
      kind: z.enum(APPOINTMENT_KINDS, { error: 'Choose telehealth or in person.' }),
    })
    .transform((v, ctx) => toInstants(timeZone, v, ctx));
}

/** The reschedule form, in the clinic's timezone. */
export function rescheduleFormSchema(timeZone: string) {
  return z.object(whenFields).transform((v, ctx) => toInstants(timeZone, v, ctx));
}

export const appointmentFormFields = [
  'patientId',
  'clinicianId',
  'date',
  'startTime',
  'durationMinutes',
  'kind',
] as const;
export const rescheduleFormFields = ['date', 'startTime', 'durationMinutes'] as const;

/** Lib-level field names → the form field that shows the message. */
export const appointmentFieldForForm: Record<string, string> = {
  startsAt: 'startTime',
  endsAt: 'durationMinutes',
};

/** The appointments page's query string; anything unusable falls back to a default. */
export const appointmentViewSchema = z.object({
  view: z.enum(['day', 'week']).catch('day').default('day'),
  date: z.string().refine(isValidDateString).optional().catch(undefined),
  clinician: z
    .string()
    .trim()
    .max(64)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined)),
});

// ── Output shapes ───────────────────────────────────────────────────────────

export const appointmentSchema = z.object({
  id: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  kind: z.enum(APPOINTMENT_KINDS),
  status: z.enum(APPOINTMENT_STATUSES),
  cancelledAt: z.date().nullable(),
  cancelReason: z.string().nullable(),
  clinician: z.object({
    id: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    title: z.string().nullable(),
  }),
  patient: z.object({
    id: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    preferredName: z.string().nullable(),
  }),
});
export type Appointment = z.output<typeof appointmentSchema>;

export const clinicianOptionSchema = z.object({
  id: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  title: z.string().nullable(),
});
export type ClinicianOption = z.output<typeof clinicianOptionSchema>;
