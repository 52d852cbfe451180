// Booking at reception's speed and the patient's history: type-to-search by
// name prefix, mobile in any format or date of birth (scoped to the clinic and,
// for a clinician, to their own patients), duplicate detection on create,
// length limits, and the history query with its clinician scoping.
import { beforeAll, describe, expect, it } from 'vitest';

import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import {
  checkPatientClock,
  checkRescheduleClock,
  patientClockToken,
} from '@/lib/appointments/check-patient-clock';
import { recordOptOut } from '@/lib/reminders/replies/record-opt-out';
import { createPatient, createPatientUnlessDuplicate } from '@/lib/patients/create-patient';
import { getPatientHistory } from '@/lib/patients/get-patient-history';
import { listPatients } from '@/lib/patients/list-patients';
import { findPatientOption, searchPatients } from '@/lib/patients/search-patients';
import { updatePatient } from '@/lib/patients/update-patient';
import type { PatientInput } from '@/lib/schemas/patient';

import { refusal } from '../helpers/refusal';
import { createAppointmentRow, createClinic, createUser } from '../helpers/scheduling-fixtures';

let staff: SessionUser;
let clinician: SessionUser;
let otherClinician: SessionUser;
let otherClinicStaff: SessionUser;

const base: PatientInput = {
  givenName: 'Olivia',
  familyName: 'Marchetti',
  dateOfBirth: '1985-04-07',
  mobile: '0412 555 101',
  timezone: 'Australia/Perth',
  preferredChannel: 'SMS',
  messagingConsent: 'on',
  consentMethod: 'VERBAL',
};

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
const HOUR = 3_600_000;

function pastAppointment(patientId: string, clinicianId: string, hoursAgo: number) {
  const startsAt = new Date(Date.now() - hoursAgo * HOUR);
  return createAppointmentRow(clinicianId, patientId, { startsAt, kind: 'TELEHEALTH', status: 'COMPLETED' });
}

/** The patient (`base` with these changes) is added straight away: nobody is called a duplicate. */
async function expectAddedAsNew(user: SessionUser, changes: Partial<PatientInput>) {
  const result = await createPatientUnlessDuplicate(user, { ...base, ...changes });
  expect(result.id).toEqual(expect.any(String));
}

let olivia: string;
let oliver: string;
let ben: string;

beforeAll(async () => {
  const clinic = await createClinic();
  staff = await createUser(clinic.id, 'STAFF');
  clinician = await createUser(clinic.id, 'CLINICIAN', 'Lee Tan');
  otherClinician = await createUser(clinic.id, 'CLINICIAN', 'Omar Other');
  const otherClinic = await createClinic();
  otherClinicStaff = await createUser(otherClinic.id, 'STAFF');

  const add = async (changes: Partial<PatientInput>) =>
    (await createPatient(staff, { ...base, ...changes })).id;
  olivia = await add({});
  oliver = await add({
    givenName: 'Oliver',
    familyName: 'Nguyen-Whitlam',
    dateOfBirth: '1990-12-25',
    mobile: '+61 412 555 202',
  });
  ben = await add({ givenName: 'Ben', familyName: 'Olsen', dateOfBirth: '', mobile: '0412555303' });
  // The same name in another clinic must never be found.
  await createPatient(otherClinicStaff, base);
  await pastAppointment(olivia, clinician.clinicianId!, 48);
});

describe('searchPatients', () => {
  it('finds patients by the first letters of a given, family or preferred name, any case', async () => {
    expect(ids(await searchPatients(staff, 'oli'))).toEqual([olivia, oliver].sort());
    expect(ids(await searchPatients(staff, 'OLS'))).toEqual([ben]);
    // A part of a hyphenated family name counts as a start.
    expect(ids(await searchPatients(staff, 'whit'))).toEqual([oliver]);
    // Letters inside a name are not a prefix.
    expect(await searchPatients(staff, 'liv')).toEqual([]);
    // Several words narrow it: each must start one of the names.
    expect(ids(await searchPatients(staff, 'oli mar'))).toEqual([olivia]);
  });

  it('finds a mobile however it is typed', async () => {
    for (const typed of ['0412 555 101', '0412555101', '+61 412 555 101', '61412555101', '(04) 1255-5101']) {
      expect(ids(await searchPatients(staff, typed))).toEqual([olivia]);
    }
    expect(ids(await searchPatients(staff, '0412 555'))).toEqual([olivia, oliver, ben].sort());
  });

  it('finds a date of birth typed day first as d/m/yyyy', async () => {
    expect(ids(await searchPatients(staff, '7/4/1985'))).toEqual([olivia]);
    expect(ids(await searchPatients(staff, '07/04/1985'))).toEqual([olivia]);
    expect(ids(await searchPatients(staff, '25-12-1990'))).toEqual([oliver]);
    expect(ids(await searchPatients(staff, '1985-04-07'))).toEqual([olivia]);
    // 31 February is no date: searched as text, it matches nobody.
    expect(await searchPatients(staff, '31/2/1985')).toEqual([]);
  });

  it('finds a date of birth on the patients list too', async () => {
    expect((await listPatients(staff, { q: '7/4/1985' })).patients.map((p) => p.id)).toEqual([olivia]);
  });

  it('stays within the clinic', async () => {
    expect(await searchPatients(otherClinicStaff, 'oliver')).toEqual([]);
    expect(await searchPatients(otherClinicStaff, 'olivia')).toHaveLength(1);
    expect((await searchPatients(otherClinicStaff, 'olivia'))[0]!.id).not.toBe(olivia);
  });

  it('finds for a clinician only the patients they have appointments with', async () => {
    expect(ids(await searchPatients(clinician, 'oli'))).toEqual([olivia]);
    expect(await searchPatients(otherClinician, 'oli')).toEqual([]);
    expect(await findPatientOption(clinician, oliver)).toBeNull();
    expect((await findPatientOption(staff, oliver))?.id).toBe(oliver);
  });

  it('writes one READ audit entry with the count and never the search text', async () => {
    const before = new Date();
    await searchPatients(staff, 'Marchetti');
    const entries = await db().auditLog.findMany({ where: { actorId: staff.id, at: { gte: before } } });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.detail).toEqual({ kind: 'search', purpose: 'picker', count: 1 });
    expect(JSON.stringify(entries[0])).not.toMatch(/marchetti/i);
  });

  it('answers nothing for an empty query, without reading anything', async () => {
    expect(await searchPatients(staff, '   ')).toEqual([]);
  });
});

describe('createPatientUnlessDuplicate', () => {
  it('warns of a patient with the same mobile, whatever its format, and adds nothing', async () => {
    const count = await db().patient.count();
    const result = await createPatientUnlessDuplicate(staff, {
      ...base,
      givenName: 'Someone',
      familyName: 'Else',
      dateOfBirth: '',
      mobile: '+61412555101',
    });
    expect(result.duplicates?.map((d) => [d.id, d.reasons])).toEqual([[olivia, ['SAME_MOBILE']]]);
    expect(await db().patient.count()).toBe(count);
  });

  it('warns of a patient with the same name (any case) and date of birth on another mobile', async () => {
    const result = await createPatientUnlessDuplicate(staff, {
      ...base,
      givenName: 'OLIVIA',
      familyName: 'marchetti',
      mobile: '0491 570 110',
    });
    expect(result.duplicates?.map((d) => [d.id, d.reasons])).toEqual([
      [olivia, ['SAME_NAME_AND_DATE_OF_BIRTH']],
    ]);
  });

  it('does not call the same name with another date of birth a duplicate', async () => {
    await expectAddedAsNew(staff, { dateOfBirth: '1986-04-07', mobile: '0491 570 111' });
  });

  it('adds the patient anyway when asked to', async () => {
    const result = await createPatientUnlessDuplicate(staff, base, { createAnyway: true });
    expect(result.duplicates).toBeUndefined();
    expect(await db().patient.count({ where: { mobile: '+61412555101', clinicId: staff.clinicId } })).toBe(2);
  });

  it('ignores patients of another clinic', async () => {
    // Oliver's mobile is in this clinic only.
    await expectAddedAsNew(otherClinicStaff, { givenName: 'Someone', mobile: '0412 555 202' });
  });
});

describe('length limits', () => {
  it('refuses a 5,000-character name and a 101-character one, with the limit in the message', async () => {
    const long = await refusal(createPatient(staff, { ...base, familyName: 'x'.repeat(5000) }));
    expect(long.fieldErrors?.familyName).toEqual(['Family name must be 100 characters or fewer.']);
    const justOver = await refusal(
      createPatientUnlessDuplicate(staff, {
        ...base,
        givenName: 'y'.repeat(101),
        preferredName: 'z'.repeat(101),
      }),
    );
    expect(Object.keys(justOver.fieldErrors ?? {}).sort()).toEqual(['givenName', 'preferredName']);
  });

  it('refuses a mobile over 40 characters and an email over 254, naming the limit', async () => {
    const err = await refusal(
      createPatient(staff, { ...base, mobile: '0'.repeat(41), email: `${'e'.repeat(250)}@x.au` }),
    );
    expect(err.fieldErrors?.mobile).toEqual(['A mobile number has at most 40 characters.']);
    expect(err.fieldErrors?.email).toEqual(['The email address must be 254 characters or fewer.']);
  });

  it('accepts a name of exactly 100 characters', async () => {
    const { id } = await createPatient(staff, {
      ...base,
      familyName: 'L'.repeat(100),
      mobile: '0491 570 112',
    });
    const row = await db().patient.findUniqueOrThrow({ where: { id } });
    expect(row.familyName).toHaveLength(100);
  });
});

describe('getPatientHistory', () => {
  let patient: string;
  let mineId: string;
  let theirsId: string;

  beforeAll(async () => {
    patient = (await createPatient(staff, { ...base, givenName: 'Hist', mobile: '0491 570 150' })).id;
    const mine = await pastAppointment(patient, clinician.clinicianId!, 72);
    mineId = mine.id;
    const theirs = await pastAppointment(patient, otherClinician.clinicianId!, 24);
    theirsId = theirs.id;
    // Attendance as the status callbacks recorded it for my session.
    const joined = new Date(mine.startsAt.getTime() + 2 * 60_000);
    const left = new Date(mine.startsAt.getTime() + 50 * 60_000);
    const session = await db().videoSession.create({
      data: {
        appointmentId: mine.id,
        patientSeconds: 48 * 60,
        clinicianSeconds: 50 * 60,
        jointSeconds: 47 * 60,
        medicareTimeBand: 'FROM_20_UNDER_50_MIN',
        audioOnly: true,
        attendanceComputedAt: left,
        attendance: {
          participants: [
            {
              identity: 'patient:abc',
              role: 'PATIENT',
              seconds: 2880,
              videoPublished: false,
              intervals: [
                {
                  roomSid: 'RM1',
                  participantSid: 'PA1',
                  joinedAt: joined.toISOString(),
                  leftAt: left.toISOString(),
                  seconds: 2880,
                },
              ],
            },
          ],
          rooms: [],
        },
      },
    });
    const link = await db().joinLink.create({ data: { sessionId: session.id } });
    await db().waitingRoomReply.create({
      data: { sessionId: session.id, joinLinkId: link.id, reply: 'RUNNING_LATE', createdAt: joined },
    });
    // A reminder for each appointment, each with its fate.
    for (const [appointmentId, channel] of [
      [mine.id, 'SMS'],
      [theirs.id, 'WHATSAPP'],
    ] as const) {
      const at = new Date(Date.now() - 100 * HOUR);
      await db().reminder.create({
        data: {
          appointmentId,
          patientId: patient,
          source: 'POLICY',
          offsetMinutes: 1440,
          requestedAt: at,
          dueAt: at,
          status: 'DELIVERED',
          sentAt: at,
          messages: {
            create: {
              channel,
              status: 'DELIVERED',
              toAddress: '+61491570150',
              fromAddress: '+61400000000',
              claimToken: 't',
            },
          },
        },
      });
    }
    await db().inboundReply.createMany({
      data: [
        {
          messageSid: `SM${mine.id}`,
          channel: 'SMS',
          fromAddress: '+61491570150',
          clinicId: staff.clinicId,
          patientId: patient,
          appointmentId: mine.id,
          intent: 'CONFIRM',
          body: 'Yes',
        },
        {
          messageSid: `SM${theirs.id}`,
          channel: 'SMS',
          fromAddress: '+61491570150',
          clinicId: staff.clinicId,
          patientId: patient,
          appointmentId: theirs.id,
          intent: 'RESCHEDULE',
          body: 'Can we move it',
        },
      ],
    });
    // A consent change by staff and an opt-out by reply.
    await updatePatient(staff, patient, {
      ...base,
      givenName: 'Hist',
      mobile: '0491 570 150',
      whatsappConsent: 'on',
    });
    await recordOptOut({ e164: '+61491570150', channel: 'SMS', optedOut: true, source: 'REPLY' });
  });

  it('shows staff every past appointment with attendance, each message and its fate, replies and consent changes', async () => {
    const { entries, hasMore } = await getPatientHistory(staff, patient);
    expect(hasMore).toBe(false);
    const appointment = entries.find((e) => e.type === 'appointment' && e.id === mineId);
    expect(appointment).toMatchObject({
      status: 'COMPLETED',
      video: {
        patientMinutes: 48,
        jointMinutes: 47,
        medicareTimeBand: 'FROM_20_UNDER_50_MIN',
        audioOnly: true,
      },
    });
    if (appointment?.type === 'appointment') {
      expect(appointment.video?.joinedAt?.getTime()).toBe(appointment.at.getTime() + 2 * 60_000);
      expect(appointment.video?.leftAt?.getTime()).toBe(appointment.at.getTime() + 50 * 60_000);
    }
    expect(
      entries
        .filter((e) => e.type === 'appointment')
        .map((e) => e.id)
        .sort(),
    ).toEqual([mineId, theirsId].sort());
    const messages = entries.filter((e) => e.type === 'message');
    expect(messages.map((m) => (m.type === 'message' ? m.channels[0]?.channel : null)).sort()).toEqual([
      'SMS',
      'WHATSAPP',
    ]);
    expect(entries.filter((e) => e.type === 'reply')).toHaveLength(3);
    const consent = entries.filter((e) => e.type === 'consent');
    expect(consent.map((c) => (c.type === 'consent' ? [c.fields, c.actorName === null] : null))).toEqual(
      expect.arrayContaining([
        [['whatsappConsent'], false],
        [['smsOptOutAt'], true],
      ]),
    );
    // Newest first.
    const times = entries.map((e) => e.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("shows a clinician only their own sessions with the patient, and nothing tied to another clinician's", async () => {
    const { entries } = await getPatientHistory(clinician, patient);
    const appointmentIds = new Set(
      entries.flatMap((e) =>
        e.type === 'appointment'
          ? [e.id]
          : e.type === 'message' || e.type === 'reply'
            ? [e.appointmentId]
            : [],
      ),
    );
    expect([...appointmentIds]).toEqual([mineId]);
    expect(
      entries
        .filter((e) => e.type === 'reply')
        .map((e) => (e.type === 'reply' ? (e.body ?? e.quickReply) : null))
        .sort(),
    ).toEqual(['RUNNING_LATE', 'Yes']);
    expect(JSON.stringify(entries)).not.toContain('Can we move it');
  });

  it('is not found for a clinician with no appointment with the patient', async () => {
    expect((await refusal(getPatientHistory(otherClinician, olivia))).code).toBe('NOT_FOUND');
    expect((await refusal(getPatientHistory(otherClinicStaff, patient))).code).toBe('NOT_FOUND');
  });

  it('gives the newest entries up to the limit and says there are more', async () => {
    const all = await getPatientHistory(staff, patient);
    const first = await getPatientHistory(staff, patient, { limit: 3 });
    expect(first.hasMore).toBe(true);
    expect(first.entries.map((e) => e.id)).toEqual(all.entries.slice(0, 3).map((e) => e.id));
  });

  it('records one READ audit entry with the count and no values', async () => {
    const before = new Date();
    await getPatientHistory(staff, patient, { limit: 2 });
    const entries = await db().auditLog.findMany({ where: { actorId: staff.id, at: { gte: before } } });
    expect(entries.map((e) => e.detail)).toEqual([{ kind: 'history', count: 2 }]);
  });
});

describe('checkPatientClock', () => {
  it('asks about a 7:05 am Sydney slot for Olivia in Perth, with a token for that patient and slot', async () => {
    // 7:05 am AEDT on Monday 7 December 2026 is 4:05 am in Perth.
    const startsAt = new Date('2026-12-06T20:05:00Z');
    const endsAt = new Date(startsAt.getTime() + 50 * 60_000);
    const check = await checkPatientClock(staff, { patientId: olivia, startsAt, endsAt });
    expect(check).toEqual({
      question: 'This is 4:05 am for Olivia in Perth. Book anyway?',
      token: patientClockToken(olivia, startsAt, endsAt),
    });
    expect(patientClockToken(olivia, new Date(startsAt.getTime() + 60_000), endsAt)).not.toBe(check!.token);
  });

  it('says nothing for a slot inside the day on the patient’s clock, or for a patient out of scope', async () => {
    const startsAt = new Date('2026-12-07T02:00:00Z'); // 10:00 am in Perth
    const endsAt = new Date(startsAt.getTime() + 50 * 60_000);
    expect(await checkPatientClock(staff, { patientId: olivia, startsAt, endsAt })).toBeNull();
    const dawn = new Date('2026-12-06T20:05:00Z');
    expect(
      await checkPatientClock(otherClinicStaff, { patientId: olivia, startsAt: dawn, endsAt: dawn }),
    ).toBeNull();
  });
});

describe('checkRescheduleClock', () => {
  it("asks before moving an appointment to 4:05 am on the patient's clock; not for a clinician who cannot see it", async () => {
    const appointment = await pastAppointment(olivia, clinician.clinicianId!, 24);
    const startsAt = new Date('2026-12-06T20:05:00Z'); // 7:05 am Sydney, 4:05 am Perth
    const endsAt = new Date(startsAt.getTime() + 50 * 60_000);
    expect(await checkRescheduleClock(staff, appointment.id, { startsAt, endsAt })).toEqual({
      question: 'This is 4:05 am for Olivia in Perth. Move anyway?',
      token: patientClockToken(olivia, startsAt, endsAt),
    });
    const noon = new Date('2026-12-07T04:00:00Z'); // noon in Perth
    expect(await checkRescheduleClock(staff, appointment.id, { startsAt: noon, endsAt: noon })).toBeNull();
    expect(await checkRescheduleClock(otherClinician, appointment.id, { startsAt, endsAt })).toBeNull();
    expect(await checkRescheduleClock(otherClinicStaff, appointment.id, { startsAt, endsAt })).toBeNull();
  });
});
