import { describe, expect, it } from 'vitest';

import { AppError } from '@/lib/errors/app-error';
import {
  appointmentFieldForForm,
  appointmentFormSchema,
  appointmentViewSchema,
  cancelAppointmentSchema,
  createAppointmentSchema,
  rescheduleFormSchema,
  SLOT_MESSAGES,
} from '@/lib/schemas/appointment';
import { expectedErrorState, initialFormState, zodFieldErrors } from '@/lib/schemas/form-state';

const SYD = 'Australia/Sydney';
const form = {
  patientId: 'pat_1',
  clinicianId: 'cln_1',
  date: '2026-07-07',
  startTime: '09:30',
  durationMinutes: '50',
  kind: 'TELEHEALTH',
};

function errorsOf(result: { success: boolean; error?: unknown }) {
  if (result.success) throw new Error('expected the schema to refuse the input');
  return zodFieldErrors(result.error as never);
}

describe('appointmentFormSchema (clinic wall-clock fields → UTC)', () => {
  it('turns a Sydney winter date, start time and duration into UTC start and end', () => {
    const result = appointmentFormSchema(SYD).parse(form);
    expect(result).toEqual({
      patientId: 'pat_1',
      clinicianId: 'cln_1',
      kind: 'TELEHEALTH',
      startsAt: new Date('2026-07-06T23:30:00Z'),
      endsAt: new Date('2026-07-07T00:20:00Z'),
    });
  });

  it('uses daylight time for a Sydney summer booking', () => {
    const result = appointmentFormSchema(SYD).parse({ ...form, date: '2026-12-01' });
    expect(result.startsAt.toISOString()).toBe('2026-11-30T22:30:00.000Z');
  });

  it('reads the same wall-clock time in Perth, two hours behind Sydney in winter', () => {
    const perth = appointmentFormSchema('Australia/Perth').parse(form);
    expect(perth.startsAt.toISOString()).toBe('2026-07-07T01:30:00.000Z');
  });

  it('refuses a start time skipped by the October daylight-saving change, on the start time field', () => {
    const errors = errorsOf(
      appointmentFormSchema(SYD).safeParse({ ...form, date: '2026-10-04', startTime: '02:30' }),
    );
    expect(errors.startTime?.[0]).toMatch(/does not exist on this day/);
  });

  it('refuses a duration over four hours', () => {
    const errors = errorsOf(appointmentFormSchema(SYD).safeParse({ ...form, durationMinutes: '241' }));
    expect(errors.durationMinutes?.[0]).toMatch(/from 5 to 240 minutes/);
  });

  it('accepts exactly four hours', () => {
    const result = appointmentFormSchema(SYD).parse({ ...form, durationMinutes: '240' });
    expect(result.endsAt.getTime() - result.startsAt.getTime()).toBe(4 * 3_600_000);
  });

  it.each([['0'], ['-30'], ['abc'], [''], ['12.5']])(
    'refuses the duration %j with a plain message',
    (durationMinutes) => {
      const errors = errorsOf(appointmentFormSchema(SYD).safeParse({ ...form, durationMinutes }));
      expect(errors.durationMinutes).toHaveLength(1);
    },
  );

  it('names every missing field separately', () => {
    const errors = errorsOf(appointmentFormSchema(SYD).safeParse({}));
    expect(Object.keys(errors).sort()).toEqual([
      'clinicianId',
      'date',
      'durationMinutes',
      'kind',
      'patientId',
      'startTime',
    ]);
    expect(errors.patientId).toEqual(['Choose a patient.']);
    expect(errors.kind).toEqual(['Choose telehealth or in person.']);
  });

  it('refuses dates that are not on the calendar and badly written times', () => {
    const errors = errorsOf(
      appointmentFormSchema(SYD).safeParse({ ...form, date: '2026-02-30', startTime: '9.30' }),
    );
    expect(errors.date).toBeDefined();
    expect(errors.startTime).toBeDefined();
  });

  it('refuses an unknown appointment type', () => {
    const errors = errorsOf(appointmentFormSchema(SYD).safeParse({ ...form, kind: 'PHONE' }));
    expect(errors.kind).toEqual(['Choose telehealth or in person.']);
  });
});

describe('rescheduleFormSchema', () => {
  it('returns only the new start and end', () => {
    const result = rescheduleFormSchema(SYD).parse({
      date: '2026-04-05',
      startTime: '10:00',
      durationMinutes: '60',
    });
    expect(result).toEqual({
      startsAt: new Date('2026-04-05T00:00:00Z'),
      endsAt: new Date('2026-04-05T01:00:00Z'),
    });
  });
});

describe('createAppointmentSchema (UTC instants)', () => {
  const base = {
    patientId: 'pat_1',
    clinicianId: 'cln_1',
    kind: 'IN_PERSON' as const,
    startsAt: new Date('2026-07-07T00:00:00Z'),
    endsAt: new Date('2026-07-07T01:00:00Z'),
  };

  it('accepts a one-hour in-person appointment', () => {
    expect(createAppointmentSchema.parse(base)).toEqual(base);
  });

  it('refuses an end before the start, on the end field', () => {
    const errors = errorsOf(
      createAppointmentSchema.safeParse({ ...base, endsAt: new Date('2026-07-06T23:00:00Z') }),
    );
    expect(errors.endsAt).toEqual([SLOT_MESSAGES.endBeforeStart]);
  });

  it('refuses an end equal to the start', () => {
    const errors = errorsOf(createAppointmentSchema.safeParse({ ...base, endsAt: base.startsAt }));
    expect(errors.endsAt).toEqual([SLOT_MESSAGES.endBeforeStart]);
  });

  it('refuses more than four hours', () => {
    const errors = errorsOf(
      createAppointmentSchema.safeParse({
        ...base,
        endsAt: new Date(base.startsAt.getTime() + 241 * 60_000),
      }),
    );
    expect(errors.endsAt).toEqual([SLOT_MESSAGES.tooLong]);
  });

  it('refuses an invalid date object', () => {
    const errors = errorsOf(createAppointmentSchema.safeParse({ ...base, startsAt: new Date('nonsense') }));
    expect(errors.startsAt).toBeDefined();
  });
});

describe('cancelAppointmentSchema', () => {
  it('treats an empty reason as none and trims a given one', () => {
    expect(cancelAppointmentSchema.parse({ reason: '   ' })).toEqual({ reason: null });
    expect(cancelAppointmentSchema.parse({})).toEqual({ reason: null });
    expect(cancelAppointmentSchema.parse({ reason: ' Unwell ' })).toEqual({ reason: 'Unwell' });
  });

  it('refuses a reason longer than 500 characters', () => {
    expect(cancelAppointmentSchema.safeParse({ reason: 'x'.repeat(501) }).success).toBe(false);
  });
});

describe('appointmentViewSchema (the appointments page query string)', () => {
  it('falls back to the day view and today for anything unusable, never throwing', () => {
    expect(appointmentViewSchema.parse({ view: 'month', date: '2026-99-99', clinician: '' })).toEqual({
      view: 'day',
      date: undefined,
      clinician: undefined,
    });
    expect(appointmentViewSchema.parse({ view: ['week', 'day'], date: ['x'] })).toEqual({
      view: 'day',
      date: undefined,
      clinician: undefined,
    });
  });

  it('keeps a valid week view, date and clinician', () => {
    expect(appointmentViewSchema.parse({ view: 'week', date: '2026-04-05', clinician: 'cln_1' })).toEqual({
      view: 'week',
      date: '2026-04-05',
      clinician: 'cln_1',
    });
  });
});

describe('refusals from the appointment functions, shown on the booking form', () => {
  it('puts a clash on the start time field and does not repeat it above the list', () => {
    const clash =
      'Dr Jane Citizen already has an appointment from 9:00 am to 9:50 am on Tuesday 7 July 2026.';
    const err = new AppError('CONFLICT', clash, { fieldErrors: { startsAt: [clash] } });
    const state = expectedErrorState(err, initialFormState, { startTime: '09:30' }, appointmentFieldForForm);
    expect(state).toEqual({
      status: 'error',
      message: undefined,
      fieldErrors: { startTime: [clash] },
      values: { startTime: '09:30' },
      attempt: 1,
    });
  });

  it('puts an end-time problem on the duration field', () => {
    const err = new AppError('INVALID_INPUT', 'Some details need fixing.', {
      fieldErrors: { endsAt: [SLOT_MESSAGES.tooLong] },
    });
    const state = expectedErrorState(err, { status: 'error', attempt: 3 }, {}, appointmentFieldForForm);
    expect(state?.fieldErrors).toEqual({ durationMinutes: [SLOT_MESSAGES.tooLong] });
    expect(state?.attempt).toBe(4);
  });

  it('leaves unexpected errors to the caller, who logs them and shows a general message', () => {
    expect(expectedErrorState(new Error('db down'), initialFormState, {})).toBeNull();
  });
});
