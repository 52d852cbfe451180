// Patients: validation with field-level messages, audit entries that hold
// field names and counts but never values, search, and the clinician scope.
import { beforeAll, describe, expect, it } from 'vitest';

import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { createAppointment } from '@/lib/appointments/create-appointment';
import { createPatient } from '@/lib/patients/create-patient';
import { getPatient } from '@/lib/patients/get-patient';
import { listPatients } from '@/lib/patients/list-patients';
import { PATIENT_EDIT_CONFLICT, updatePatient } from '@/lib/patients/update-patient';
import type { PatientInput } from '@/lib/schemas/patient';

import { refusal } from '../helpers/refusal';
import {
  createClinic,
  createPatientRow,
  createUser,
  daysFromNow,
  minutes,
} from '../helpers/scheduling-fixtures';

let staff: SessionUser;
let admin: SessionUser;
let clinician: SessionUser;
let otherClinician: SessionUser;
let otherClinicStaff: SessionUser;

const valid: PatientInput = {
  givenName: 'Charlotte',
  familyName: 'Nguyen-Whitlam',
  preferredName: 'Charlie',
  dateOfBirth: '1990-05-17',
  email: 'Charlie.N@example.com',
  mobile: '0412 345 678',
  timezone: 'Australia/Perth',
  preferredChannel: 'SMS',
  messagingConsent: 'on',
  consentMethod: 'VERBAL',
};

async function auditFor(patientId: string) {
  return db().auditLog.findMany({ where: { patientId }, orderBy: { at: 'asc' } });
}

beforeAll(async () => {
  const clinic = await createClinic();
  staff = await createUser(clinic.id, 'STAFF');
  admin = await createUser(clinic.id, 'ADMIN');
  clinician = await createUser(clinic.id, 'CLINICIAN', 'Jane Citizen');
  otherClinician = await createUser(clinic.id, 'CLINICIAN', 'Omar Other');
  const otherClinic = await createClinic();
  otherClinicStaff = await createUser(otherClinic.id, 'STAFF');
});

describe('createPatient', () => {
  it('stores the mobile in E.164, the email in lower case, and consent with when, how and who', async () => {
    const before = Date.now();
    const { id } = await createPatient(staff, valid);
    const row = await db().patient.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      clinicId: staff.clinicId,
      givenName: 'Charlotte',
      familyName: 'Nguyen-Whitlam',
      preferredName: 'Charlie',
      email: 'charlie.n@example.com',
      mobile: '+61412345678',
      timezone: 'Australia/Perth',
      preferredChannel: 'SMS',
      messagingConsentMethod: 'VERBAL',
      messagingConsentById: staff.id,
      whatsappConsent: false,
      smsOptOutAt: null,
    });
    expect(row.dateOfBirth?.toISOString().slice(0, 10)).toBe('1990-05-17');
    expect(row.messagingConsentAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('writes a CREATE audit entry naming the filled fields and holding no values', async () => {
    const { id } = await createPatient(staff, { ...valid, givenName: 'Auditable' });
    const entries = await auditFor(id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'CREATE',
      entityType: 'Patient',
      entityId: id,
      actorId: staff.id,
      actorRole: 'STAFF',
      outcome: 'SUCCESS',
    });
    const detail = entries[0]!.detail as { fields: string[] };
    expect(detail.fields).toEqual(
      expect.arrayContaining(['givenName', 'familyName', 'mobile', 'dateOfBirth', 'email']),
    );
    const text = JSON.stringify(entries[0]);
    for (const value of ['Auditable', 'Nguyen', 'Charlie', '412345678', 'example.com', '1990']) {
      expect(text).not.toContain(value);
    }
  });

  it('refuses a landline on the mobile field with the landline message, saving nothing', async () => {
    const count = await db().patient.count();
    const err = await refusal(createPatient(staff, { ...valid, mobile: '02 9876 5432' }));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.fieldErrors).toEqual({
      mobile: ['This looks like a landline; reminders need a mobile number'],
    });
    expect(await db().patient.count()).toBe(count);
  });

  it('gives a message for every bad field at once', async () => {
    const err = await refusal(
      createPatient(staff, {
        givenName: '  ',
        familyName: '',
        dateOfBirth: '2999-01-01',
        email: 'not-an-email',
        mobile: '12345',
        timezone: 'Mars/Olympus',
        preferredChannel: 'PIGEON' as never,
        messagingConsent: 'on',
        consentMethod: '',
        whatsappConsent: 'on',
      }),
    );
    expect(err.status).toBe(422);
    expect(Object.keys(err.fieldErrors ?? {}).sort()).toEqual(
      [
        'consentMethod',
        'dateOfBirth',
        'email',
        'familyName',
        'givenName',
        'mobile',
        'preferredChannel',
        'timezone',
      ].sort(),
    );
    expect(err.fieldErrors?.mobile).toEqual(['Enter an Australian mobile number, like 0412 345 678']);
    expect(err.fieldErrors?.givenName).toEqual(['Enter the given name.']);
  });

  it('refuses WhatsApp consent without messaging consent', async () => {
    const err = await refusal(
      createPatient(staff, { ...valid, messagingConsent: false, whatsappConsent: true }),
    );
    expect(Object.keys(err.fieldErrors ?? {})).toEqual(['whatsappConsent']);
  });

  it('is refused for a clinician, who is read-only here', async () => {
    const err = await refusal(createPatient(clinician, valid));
    expect(err.code).toBe('FORBIDDEN');
  });
});

describe('updatePatient', () => {
  it('writes an UPDATE audit entry naming only the changed fields, without values', async () => {
    const { id } = await createPatient(staff, valid);
    const result = await updatePatient(admin, id, { ...valid, mobile: '+61 491 570 156', preferredName: '' });
    expect(result.changedFields.sort()).toEqual(['mobile', 'preferredName']);

    const entries = await auditFor(id);
    const update = entries.find((e) => e.action === 'UPDATE');
    expect(update).toMatchObject({ actorId: admin.id, actorRole: 'ADMIN', entityId: id, patientId: id });
    expect(update!.detail).toEqual({ fields: ['preferredName', 'mobile'] });
    expect(JSON.stringify(update)).not.toContain('491570156');
    expect(JSON.stringify(update)).not.toContain('Charlie');

    const row = await db().patient.findUniqueOrThrow({ where: { id } });
    expect(row.mobile).toBe('+61491570156');
    expect(row.preferredName).toBeNull();
  });

  it('keeps consent when, how and who while consent is unchanged, and clears them when it is withdrawn', async () => {
    const { id } = await createPatient(staff, valid);
    const first = await db().patient.findUniqueOrThrow({ where: { id } });

    await updatePatient(admin, id, { ...valid, givenName: 'Charlotte Anne' });
    const kept = await db().patient.findUniqueOrThrow({ where: { id } });
    expect(kept.messagingConsentAt).toEqual(first.messagingConsentAt);
    expect(kept.messagingConsentById).toBe(staff.id);

    const withdrawn = await updatePatient(admin, id, {
      ...valid,
      givenName: 'Charlotte Anne',
      messagingConsent: false,
    });
    expect(withdrawn.changedFields.sort()).toEqual([
      'messagingConsentAt',
      'messagingConsentById',
      'messagingConsentMethod',
    ]);
    const cleared = await db().patient.findUniqueOrThrow({ where: { id } });
    expect(cleared).toMatchObject({
      messagingConsentAt: null,
      messagingConsentMethod: null,
      messagingConsentById: null,
    });
  });

  it('records a per-channel opt-out time and keeps it on later saves', async () => {
    const { id } = await createPatient(staff, valid);
    await updatePatient(staff, id, { ...valid, smsOptOut: 'on' });
    const optedOut = await db().patient.findUniqueOrThrow({ where: { id } });
    expect(optedOut.smsOptOutAt).toBeInstanceOf(Date);
    expect(optedOut.whatsappOptOutAt).toBeNull();

    const again = await updatePatient(staff, id, { ...valid, smsOptOut: 'on', givenName: 'Lottie' });
    expect(again.changedFields).toEqual(['givenName']);
    expect((await db().patient.findUniqueOrThrow({ where: { id } })).smsOptOutAt).toEqual(
      optedOut.smsOptOutAt,
    );
  });

  it('writes nothing to the audit log when nothing changed', async () => {
    const { id } = await createPatient(staff, valid);
    const result = await updatePatient(staff, id, valid);
    expect(result.changedFields).toEqual([]);
    expect((await auditFor(id)).map((e) => e.action)).toEqual(['CREATE']);
  });

  it('refuses invalid input with field messages and leaves the record as it was', async () => {
    const { id } = await createPatient(staff, valid);
    const err = await refusal(updatePatient(staff, id, { ...valid, givenName: '', mobile: '0298765432' }));
    expect(err.fieldErrors).toEqual({
      givenName: ['Enter the given name.'],
      mobile: ['This looks like a landline; reminders need a mobile number'],
    });
    expect((await db().patient.findUniqueOrThrow({ where: { id } })).givenName).toBe('Charlotte');
  });

  it('refuses to overwrite changes saved by someone else since the form was opened', async () => {
    const { id } = await createPatient(staff, valid);
    const opened = (await db().patient.findUniqueOrThrow({ where: { id } })).updatedAt;
    await updatePatient(admin, id, { ...valid, givenName: 'First' });
    const err = await refusal(
      updatePatient(staff, id, { ...valid, givenName: 'Second' }, { expectedUpdatedAt: opened }),
    );
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe(PATIENT_EDIT_CONFLICT);
  });

  it('cannot reach a patient of another clinic', async () => {
    const { id } = await createPatient(staff, valid);
    const err = await refusal(updatePatient(otherClinicStaff, id, valid));
    expect(err.code).toBe('NOT_FOUND');
  });
});

describe('listPatients and search', () => {
  let searchClinic: string;
  let searchStaff: SessionUser;

  beforeAll(async () => {
    searchClinic = (await createClinic()).id;
    searchStaff = await createUser(searchClinic, 'STAFF');
    await createPatientRow(searchClinic, {
      givenName: 'Amelia',
      familyName: 'Walker',
      mobile: '+61412000111',
    });
    await createPatientRow(searchClinic, { givenName: 'Ben', familyName: 'Walker', mobile: '+61412000222' });
    await createPatientRow(searchClinic, {
      givenName: 'Chloe',
      familyName: 'Anderson',
      mobile: '+61412000333',
    });
  });

  it('lists every patient of the clinic, by family name, for staff', async () => {
    const result = await listPatients(searchStaff);
    expect(result.total).toBe(3);
    expect(result.patients.map((p) => p.givenName)).toEqual(['Chloe', 'Amelia', 'Ben']);
  });

  it('finds patients by part of a name, ignoring case', async () => {
    const result = await listPatients(searchStaff, { q: 'walk' });
    expect(result.patients.map((p) => p.givenName)).toEqual(['Amelia', 'Ben']);
    expect(
      (await listPatients(searchStaff, { q: 'amelia WALKER' })).patients.map((p) => p.givenName),
    ).toEqual(['Amelia']);
  });

  it('finds a patient by mobile typed the Australian way', async () => {
    const result = await listPatients(searchStaff, { q: '0412 000 222' });
    expect(result.patients.map((p) => p.givenName)).toEqual(['Ben']);
  });

  it('returns only the listed fields (an allowlist)', async () => {
    const result = await listPatients(searchStaff, { q: 'Chloe' });
    expect(Object.keys(result.patients[0]!).sort()).toEqual(
      ['dateOfBirth', 'familyName', 'givenName', 'id', 'mobile', 'preferredName'].sort(),
    );
  });

  it('writes one READ audit entry per search with the count and no names or search text', async () => {
    const before = new Date();
    await listPatients(searchStaff, { q: 'Walker' });
    const entries = await db().auditLog.findMany({ where: { actorId: searchStaff.id, at: { gte: before } } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'READ', entityType: 'Patient', patientId: null });
    expect(entries[0]!.detail).toMatchObject({ kind: 'search', count: 2, total: 2 });
    expect(JSON.stringify(entries[0])).not.toMatch(/walker|amelia|ben/i);
  });

  it('never lists patients of another clinic', async () => {
    const result = await listPatients(otherClinicStaff, { q: 'Walker' });
    expect(result.total).toBe(0);
  });
});

describe('clinician scope for patients', () => {
  let mine: string;
  let theirs: string;

  beforeAll(async () => {
    mine = (await createPatient(staff, { ...valid, familyName: 'Scopemine' })).id;
    theirs = (await createPatient(staff, { ...valid, familyName: 'Scopetheirs' })).id;
    // Each patient is booked with one of the two clinicians, at the same time.
    for (const [patientId, bookedWith] of [
      [mine, clinician],
      [theirs, otherClinician],
    ] as const) {
      await createAppointment(staff, {
        patientId,
        clinicianId: bookedWith.clinicianId!,
        startsAt: daysFromNow(3, 0),
        endsAt: new Date(daysFromNow(3, 0).getTime() + minutes(50)),
        kind: 'TELEHEALTH',
      });
    }
  });

  it('lists for a clinician only the patients they have appointments with', async () => {
    const result = await listPatients(clinician, { q: 'Scope' });
    expect(result.patients.map((p) => p.id)).toEqual([mine]);
  });

  it('lets a clinician open their own patient, with a READ audit entry', async () => {
    const patient = await getPatient(clinician, mine);
    expect(patient.id).toBe(mine);
    const reads = (await auditFor(mine)).filter((e) => e.action === 'READ' && e.actorId === clinician.id);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ outcome: 'SUCCESS', entityType: 'Patient', entityId: mine });
  });

  it("answers not found for another clinician's patient and records the attempt as DENIED", async () => {
    const err = await refusal(getPatient(clinician, theirs));
    expect(err.code).toBe('NOT_FOUND');
    const denied = (await auditFor(theirs)).filter((e) => e.actorId === clinician.id);
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ action: 'READ', outcome: 'DENIED' });
  });

  it('returns consent details with the name of who recorded them', async () => {
    const patient = await getPatient(staff, mine);
    expect(patient.messagingConsentBy).toEqual({ id: staff.id, name: staff.name });
    expect(patient.messagingConsentMethod).toBe('VERBAL');
  });
});
