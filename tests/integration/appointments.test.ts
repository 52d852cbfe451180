// Appointments: the clinician scope lives in the query, overlaps are refused
// with the clash time (never the patient), reschedule keeps the id and is
// audited, cancel records when and why.
import { beforeAll, describe, expect, it } from 'vitest';

import { cancelAppointment } from '@/lib/appointments/cancel-appointment';
import { createAppointment } from '@/lib/appointments/create-appointment';
import { getAppointment } from '@/lib/appointments/get-appointment';
import { listAppointments, listAppointmentsForView } from '@/lib/appointments/list-appointments';
import { listClinicians } from '@/lib/appointments/list-clinicians';
import { rescheduleAppointment } from '@/lib/appointments/reschedule-appointment';
import { updateAppointmentStatus } from '@/lib/appointments/update-appointment-status';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { SLOT_MESSAGES } from '@/lib/schemas/appointment';
import { addDays, todayIn, zonedTimeToUtc } from '@/lib/time/clinic-time';

import { refusal } from '../helpers/refusal';
import {
  createClinic,
  createPatientRow,
  createUser,
  daysFromNow,
  minutes,
} from '../helpers/scheduling-fixtures';

const SYD = 'Australia/Sydney';
let staff: SessionUser;
let jane: SessionUser;
let omar: SessionUser;
let otherClinicStaff: SessionUser;
let patientA: string;
let patientB: string;

/** An instant at a Sydney wall-clock time `days` from today. */
function sydney(days: number, time: string): Date {
  const result = zonedTimeToUtc(addDays(todayIn(SYD), days), time, SYD);
  if (!result.ok) throw new Error(`no such time ${time}`);
  return result.date;
}

function book(user: SessionUser, clinician: SessionUser, patientId: string, startsAt: Date, length = 50) {
  return createAppointment(user, {
    patientId,
    clinicianId: clinician.clinicianId!,
    startsAt,
    endsAt: new Date(startsAt.getTime() + minutes(length)),
    kind: 'TELEHEALTH',
  });
}

beforeAll(async () => {
  const clinic = await createClinic(SYD);
  staff = await createUser(clinic.id, 'STAFF');
  jane = await createUser(clinic.id, 'CLINICIAN', 'Jane Citizen');
  omar = await createUser(clinic.id, 'CLINICIAN', 'Omar Farouk');
  patientA = (await createPatientRow(clinic.id, { givenName: 'Ava', familyName: 'Secretname' })).id;
  patientB = (await createPatientRow(clinic.id, { givenName: 'Bo', familyName: 'Otherperson' })).id;
  otherClinicStaff = await createUser((await createClinic()).id, 'STAFF');
});

describe('clinician scope', () => {
  let janes: string;
  let omars: string;

  beforeAll(async () => {
    janes = (await book(staff, jane, patientA, sydney(2, '09:00'))).id;
    omars = (await book(staff, omar, patientB, sydney(2, '09:00'))).id;
  });

  it("never includes another clinician's appointments in a clinician's list", async () => {
    const { appointments } = await listAppointmentsForView(jane, {
      view: 'week',
      date: addDays(todayIn(SYD), 2),
      timeZone: SYD,
    });
    const ids = appointments.map((a) => a.id);
    expect(ids).toContain(janes);
    expect(ids).not.toContain(omars);
    expect(appointments.every((a) => a.clinician.id === jane.clinicianId)).toBe(true);
  });

  it("ignores a clinician's attempt to filter by another clinician", async () => {
    const list = await listAppointments(jane, { from: sydney(0, '00:00'), clinicianId: omar.clinicianId! });
    expect(list.map((a) => a.id)).not.toContain(omars);
    expect(list.every((a) => a.clinician.id === jane.clinicianId)).toBe(true);
  });

  it('shows staff every clinician, and only the chosen one when filtered', async () => {
    const day = addDays(todayIn(SYD), 2);
    const all = await listAppointmentsForView(staff, { view: 'day', date: day, timeZone: SYD });
    expect(all.appointments.map((a) => a.id)).toEqual(expect.arrayContaining([janes, omars]));
    const filtered = await listAppointmentsForView(staff, {
      view: 'day',
      date: day,
      timeZone: SYD,
      clinicianId: omar.clinicianId!,
    });
    expect(filtered.appointments.map((a) => a.id)).toEqual([omars]);
  });

  it("answers not found when a clinician opens another clinician's appointment", async () => {
    expect((await refusal(getAppointment(jane, omars))).code).toBe('NOT_FOUND');
    expect((await getAppointment(omar, omars)).id).toBe(omars);
  });

  it('keeps clinics apart', async () => {
    expect((await refusal(getAppointment(otherClinicStaff, janes))).code).toBe('NOT_FOUND');
    const list = await listAppointments(otherClinicStaff, { from: sydney(0, '00:00') });
    expect(list).toEqual([]);
  });

  it('offers a clinician only themself as a clinician, and staff everyone', async () => {
    expect((await listClinicians(jane)).map((c) => c.id)).toEqual([jane.clinicianId]);
    expect((await listClinicians(staff)).map((c) => c.id).sort()).toEqual(
      [jane.clinicianId, omar.clinicianId].sort(),
    );
  });

  it('does not let a clinician book, reschedule or cancel', async () => {
    expect((await refusal(book(jane, jane, patientA, sydney(5, '09:00')))).code).toBe('FORBIDDEN');
    expect((await refusal(cancelAppointment(jane, janes))).code).toBe('FORBIDDEN');
  });

  it('writes one READ audit entry per list with the count and no names', async () => {
    const before = new Date();
    const list = await listAppointments(staff, { from: sydney(2, '00:00'), to: sydney(3, '00:00') });
    const entries = await db().auditLog.findMany({ where: { actorId: staff.id, at: { gte: before } } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'READ', entityType: 'Appointment' });
    expect(entries[0]!.detail).toEqual({ kind: 'list', count: list.length });
  });
});

describe('booking rules', () => {
  it('stores the booking in UTC with status BOOKED and an audit CREATE', async () => {
    const startsAt = sydney(10, '14:00');
    const { id } = await book(staff, jane, patientA, startsAt);
    const row = await db().appointment.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ startsAt, status: 'BOOKED', kind: 'TELEHEALTH', createdById: staff.id });
    expect(row.endsAt.getTime() - row.startsAt.getTime()).toBe(minutes(50));
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: id } });
    expect(audit).toMatchObject({ action: 'CREATE', patientId: patientA });
  });

  it('refuses an overlapping booking for the same clinician, naming the clash time and not the patient', async () => {
    await book(staff, jane, patientA, sydney(11, '10:00'), 60);
    const err = await refusal(book(staff, jane, patientB, sydney(11, '10:30'), 50));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(
      /^Dr Jane Citizen already has an appointment from 10:00 am to 11:00 am on \w+day \d+ \w+ \d{4}\./,
    );
    expect(err.message).not.toMatch(/Ava|Secretname|Bo\b|Otherperson/);
    expect(err.fieldErrors?.startsAt).toEqual([err.message]);
  });

  it('allows back-to-back bookings and the same time with a different clinician', async () => {
    await book(staff, jane, patientA, sydney(12, '10:00'), 60);
    await expect(book(staff, jane, patientB, sydney(12, '11:00'), 50)).resolves.toHaveProperty('id');
    await expect(book(staff, omar, patientB, sydney(12, '10:00'), 50)).resolves.toHaveProperty('id');
  });

  it('lets a cancelled appointment free its slot', async () => {
    const { id } = await book(staff, jane, patientA, sydney(13, '10:00'));
    await cancelAppointment(staff, id);
    await expect(book(staff, jane, patientB, sydney(13, '10:00'))).resolves.toHaveProperty('id');
  });

  it('books only one of two simultaneous requests for the same slot', async () => {
    const startsAt = sydney(14, '15:00');
    const results = await Promise.allSettled([
      book(staff, omar, patientA, startsAt),
      book(staff, omar, patientB, startsAt),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as AppError).code).toBe('CONFLICT');
  });

  it('refuses a start in the past', async () => {
    const err = await refusal(book(staff, jane, patientA, daysFromNow(-1, 0)));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.fieldErrors).toEqual({ startsAt: [SLOT_MESSAGES.inPast] });
  });

  it('refuses an end before the start and more than four hours', async () => {
    const startsAt = sydney(15, '09:00');
    const before = await refusal(
      createAppointment(staff, {
        patientId: patientA,
        clinicianId: jane.clinicianId!,
        startsAt,
        endsAt: new Date(startsAt.getTime() - minutes(30)),
        kind: 'IN_PERSON',
      }),
    );
    expect(before.fieldErrors).toEqual({ endsAt: [SLOT_MESSAGES.endBeforeStart] });
    const long = await refusal(book(staff, jane, patientA, startsAt, 241));
    expect(long.fieldErrors).toEqual({ endsAt: [SLOT_MESSAGES.tooLong] });
  });

  it('refuses a patient or clinician from another clinic as if unknown', async () => {
    const foreignPatient = (await createPatientRow(otherClinicStaff.clinicId)).id;
    const err = await refusal(book(staff, jane, foreignPatient, sydney(16, '09:00')));
    expect(err.fieldErrors).toEqual({ patientId: ['Choose a patient from the list.'] });
    const err2 = await refusal(
      createAppointment(staff, {
        patientId: patientA,
        clinicianId: 'nope',
        startsAt: sydney(16, '09:00'),
        endsAt: sydney(16, '10:00'),
        kind: 'TELEHEALTH',
      }),
    );
    expect(err2.fieldErrors).toEqual({ clinicianId: ['Choose a clinician from the list.'] });
  });

  it('refuses malformed input with field messages instead of failing', async () => {
    const err = await refusal(createAppointment(staff, { kind: 'VIDEO' } as never));
    expect(err.status).toBe(422);
    expect(Object.keys(err.fieldErrors ?? {}).sort()).toEqual([
      'clinicianId',
      'endsAt',
      'kind',
      'patientId',
      'startsAt',
    ]);
  });
});

describe('rescheduleAppointment', () => {
  it('moves the appointment, keeps its id, and writes an UPDATE audit entry with the changed fields', async () => {
    const { id } = await book(staff, jane, patientA, sydney(20, '09:00'));
    await updateAppointmentStatus(staff, id, { status: 'CONFIRMED' });
    const newStart = sydney(21, '13:30');
    const result = await rescheduleAppointment(staff, id, {
      startsAt: newStart,
      endsAt: new Date(newStart.getTime() + minutes(60)),
    });
    expect(result.id).toBe(id);
    expect(result.changedFields).toEqual(['startsAt', 'endsAt', 'status']);

    const row = await db().appointment.findUniqueOrThrow({ where: { id } });
    expect(row.startsAt).toEqual(newStart);
    expect(row.endsAt.getTime() - newStart.getTime()).toBe(minutes(60));
    expect(row.status).toBe('BOOKED');
    expect(await db().appointment.count({ where: { patientId: patientA, startsAt: newStart } })).toBe(1);

    const audit = await db().auditLog.findFirstOrThrow({
      where: { entityId: id, action: 'UPDATE', detail: { path: ['operation'], equals: 'reschedule' } },
    });
    expect(audit).toMatchObject({ actorId: staff.id, patientId: patientA });
    expect(audit.detail).toEqual({
      operation: 'reschedule',
      fields: ['startsAt', 'endsAt', 'status'],
      notifyPatient: true,
    });
  });

  it('may overlap its own old time but not another appointment', async () => {
    const { id } = await book(staff, jane, patientA, sydney(22, '09:00'), 60);
    await book(staff, jane, patientB, sydney(22, '11:00'), 60);
    await expect(
      rescheduleAppointment(staff, id, { startsAt: sydney(22, '09:30'), endsAt: sydney(22, '10:30') }),
    ).resolves.toHaveProperty('id', id);
    const err = await refusal(
      rescheduleAppointment(staff, id, { startsAt: sydney(22, '10:30'), endsAt: sydney(22, '11:30') }),
    );
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('from 11:00 am to 12:00 pm');
  });

  it('refuses to move a cancelled appointment or into the past', async () => {
    const { id } = await book(staff, jane, patientA, sydney(23, '09:00'));
    const past = await refusal(
      rescheduleAppointment(staff, id, { startsAt: daysFromNow(-2), endsAt: daysFromNow(-2, 1) }),
    );
    expect(past.fieldErrors).toEqual({ startsAt: [SLOT_MESSAGES.inPast] });
    await cancelAppointment(staff, id);
    const err = await refusal(
      rescheduleAppointment(staff, id, { startsAt: sydney(24, '09:00'), endsAt: sydney(24, '10:00') }),
    );
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(/cancelled/);
  });
});

describe('cancelAppointment', () => {
  it('sets CANCELLED, cancelledAt and the reason, and audits the field names only', async () => {
    const { id } = await book(staff, omar, patientB, sydney(30, '09:00'));
    const before = Date.now();
    await cancelAppointment(staff, id, { reason: 'Patient unwell, will rebook' });
    const row = await db().appointment.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe('CANCELLED');
    expect(row.cancelReason).toBe('Patient unwell, will rebook');
    expect(row.cancelledAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);

    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: id, action: 'UPDATE' } });
    expect(audit.detail).toEqual({
      operation: 'cancel',
      fields: ['status', 'cancelledAt', 'cancelReason'],
      notifyPatient: true,
    });
    expect(JSON.stringify(audit)).not.toContain('unwell');
  });

  it('works without a reason', async () => {
    const { id } = await book(staff, omar, patientB, sydney(31, '09:00'));
    await cancelAppointment(staff, id, { reason: '' });
    expect(await db().appointment.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'CANCELLED',
      cancelReason: null,
    });
  });

  it('refuses to cancel twice', async () => {
    const { id } = await book(staff, omar, patientB, sydney(32, '09:00'));
    await cancelAppointment(staff, id);
    const err = await refusal(cancelAppointment(staff, id));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe('This appointment was already cancelled.');
  });

  it('still shows a cancelled appointment in the day list, marked cancelled', async () => {
    const { id } = await book(staff, omar, patientA, sydney(33, '09:00'));
    await cancelAppointment(staff, id);
    const { appointments } = await listAppointmentsForView(staff, {
      view: 'day',
      date: addDays(todayIn(SYD), 33),
      timeZone: SYD,
    });
    expect(appointments.find((a) => a.id === id)?.status).toBe('CANCELLED');
  });
});

describe('status changes', () => {
  it('refuses to mark a future appointment completed', async () => {
    const { id } = await book(staff, jane, patientA, sydney(40, '09:00'));
    const err = await refusal(updateAppointmentStatus(staff, id, { status: 'COMPLETED' }));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.fieldErrors?.status?.[0]).toMatch(/only once it has started/);
  });
});
