// Who may get into an appointment's video session, as a table: each row is a
// principal, an appointment state and a moment, and the outcome the rules
// must give (a role, or the HTTP status of the refusal).
import { describe, expect, it } from 'vitest';

import type { SessionUser } from '@/lib/auth/session-user';
import type { AppointmentStatus, WaitingRoomStatus } from '@/lib/db/generated/enums';
import { AppError } from '@/lib/errors/app-error';
import type { AppointmentVideoFacts } from '@/lib/video/rooms/appointment-video-facts';
import { authorizeVideoAccess, type VideoPurpose } from '@/lib/video/access/authorize-video-access';
import type { VideoPrincipal } from '@/lib/video/access/video-principal';

const MIN = 60_000;
const startsAt = new Date('2026-12-01T00:00:00Z'); // 11:00 am in Sydney (daylight time)
const endsAt = new Date(startsAt.getTime() + 50 * MIN);

function user(role: SessionUser['role'], clinicianId: string | null, clinicId = 'clinic-1'): SessionUser {
  return {
    id: `user-${role}-${clinicianId ?? 'none'}`,
    clinicId,
    role,
    name: 'x',
    email: 'x@example.test',
    clinicianId,
    sessionId: 's',
  };
}

const principals = {
  'own clinician': { kind: 'user', user: user('CLINICIAN', 'clin-own') },
  'other clinician': { kind: 'user', user: user('CLINICIAN', 'clin-other') },
  'clinician of another clinic': { kind: 'user', user: user('CLINICIAN', 'clin-own', 'clinic-2') },
  staff: { kind: 'user', user: user('STAFF', null) },
  admin: { kind: 'user', user: user('ADMIN', null) },
  'patient link': { kind: 'patient', joinLinkId: 'jl1', appointmentId: 'appt-1', revokedAt: null },
  'revoked patient link': {
    kind: 'patient',
    joinLinkId: 'jl0',
    appointmentId: 'appt-1',
    revokedAt: new Date(0),
  },
  "another appointment's patient link": {
    kind: 'patient',
    joinLinkId: 'jl9',
    appointmentId: 'appt-9',
    revokedAt: null,
  },
  'guest link': {
    kind: 'guest',
    guestLinkId: 'gl1',
    appointmentId: 'appt-1',
    revokedAt: null,
    firstUse: true,
  },
  'revoked guest link': {
    kind: 'guest',
    guestLinkId: 'gl0',
    appointmentId: 'appt-1',
    revokedAt: new Date(0),
    firstUse: false,
  },
  'API token of own clinician': { kind: 'api', user: user('CLINICIAN', 'clin-own'), apiTokenId: 't1' },
  'API token of staff': { kind: 'api', user: user('STAFF', null), apiTokenId: 't2' },
} satisfies Record<string, VideoPrincipal>;
type PrincipalName = keyof typeof principals;

type Scenario = {
  status?: AppointmentStatus;
  inPerson?: boolean;
  waiting?: WaitingRoomStatus | null;
  ended?: boolean;
};
const scenarios = {
  booked: { status: 'BOOKED', waiting: null },
  'booked, patient waiting': { status: 'BOOKED', waiting: 'WAITING' },
  'booked, patient admitted': { status: 'CONFIRMED', waiting: 'ADMITTED' },
  'booked, patient declined': { status: 'BOOKED', waiting: 'DECLINED' },
  'booked, patient left': { status: 'BOOKED', waiting: 'LEFT' },
  'admitted, session ended by clinician': { status: 'BOOKED', waiting: 'ADMITTED', ended: true },
  completed: { status: 'COMPLETED', waiting: 'ADMITTED' },
  cancelled: { status: 'CANCELLED', waiting: 'ADMITTED' },
  'no-show': { status: 'NO_SHOW', waiting: null },
  'in person': { status: 'BOOKED', inPerson: true, waiting: 'ADMITTED' },
} satisfies Record<string, Scenario>;
type ScenarioName = keyof typeof scenarios;

const times = {
  '45 min before start': new Date(startsAt.getTime() - 45 * MIN),
  '20 min before start': new Date(startsAt.getTime() - 20 * MIN),
  '10 min before start': new Date(startsAt.getTime() - 10 * MIN),
  'during the appointment': new Date(startsAt.getTime() + 25 * MIN),
  '90 min after end': new Date(endsAt.getTime() + 90 * MIN),
  '2 h 1 min after end': new Date(endsAt.getTime() + 121 * MIN),
};
type TimeName = keyof typeof times;

function facts(s: Scenario): AppointmentVideoFacts {
  return {
    id: 'appt-1',
    clinicId: 'clinic-1',
    clinicianId: 'clin-own',
    kind: s.inPerson ? 'IN_PERSON' : 'TELEHEALTH',
    status: s.status ?? 'BOOKED',
    startsAt,
    endsAt,
    timeZone: 'Australia/Sydney',
    patientId: 'patient-1',
    sessionId: 'session-1',
    sessionEndedAt: s.ended ? new Date(startsAt.getTime() + 5 * MIN) : null,
    waitingStatus: s.waiting ?? null,
    latestRoom: null,
    participantIdentity: null,
    joinLink: null,
  };
}

type Expected = 'CLINICIAN' | 'PATIENT' | 'GUEST' | 403 | 404 | 409 | 410;

function outcome(
  principal: PrincipalName,
  scenario: ScenarioName,
  time: TimeName,
  purpose: VideoPurpose = 'join',
): Expected {
  try {
    return authorizeVideoAccess(principals[principal], facts(scenarios[scenario]), times[time], purpose).role;
  } catch (err) {
    if (err instanceof AppError) return err.status as Expected;
    throw err;
  }
}

// [principal, appointment state, moment, expected]
const joinTable: Array<[PrincipalName, ScenarioName, TimeName, Expected]> = [
  // The appointment's clinician: 30 minutes early until 2 hours after the end.
  ['own clinician', 'booked', '45 min before start', 409],
  ['own clinician', 'booked', '20 min before start', 'CLINICIAN'],
  ['own clinician', 'booked', 'during the appointment', 'CLINICIAN'],
  ['own clinician', 'booked', '90 min after end', 'CLINICIAN'],
  ['own clinician', 'booked', '2 h 1 min after end', 409],
  ['own clinician', 'admitted, session ended by clinician', 'during the appointment', 'CLINICIAN'],
  ['own clinician', 'completed', 'during the appointment', 'CLINICIAN'],
  ['own clinician', 'cancelled', 'during the appointment', 410],
  ['own clinician', 'no-show', 'during the appointment', 410],
  ['own clinician', 'in person', 'during the appointment', 409],
  // Everyone else on the staff side: refused whatever the time or state.
  ['other clinician', 'booked', 'during the appointment', 403],
  ['other clinician', 'cancelled', 'during the appointment', 403],
  ['other clinician', 'booked', '45 min before start', 403],
  ['clinician of another clinic', 'booked', 'during the appointment', 404],
  ['staff', 'booked', 'during the appointment', 403],
  ['staff', 'booked, patient admitted', '10 min before start', 403],
  ['admin', 'booked', 'during the appointment', 403],
  ['API token of staff', 'booked', 'during the appointment', 403],
  ['API token of own clinician', 'booked', 'during the appointment', 'CLINICIAN'],
  // The patient: only once admitted, 15 minutes early until 2 hours after the end.
  ['patient link', 'booked', 'during the appointment', 409],
  ['patient link', 'booked, patient waiting', 'during the appointment', 409],
  ['patient link', 'booked, patient declined', 'during the appointment', 403],
  ['patient link', 'booked, patient left', 'during the appointment', 409],
  ['patient link', 'booked, patient admitted', '45 min before start', 409],
  ['patient link', 'booked, patient admitted', '20 min before start', 409],
  ['patient link', 'booked, patient admitted', '10 min before start', 'PATIENT'],
  ['patient link', 'booked, patient admitted', 'during the appointment', 'PATIENT'],
  ['patient link', 'booked, patient admitted', '90 min after end', 'PATIENT'],
  ['patient link', 'booked, patient admitted', '2 h 1 min after end', 409],
  ['patient link', 'admitted, session ended by clinician', 'during the appointment', 409],
  ['patient link', 'cancelled', 'during the appointment', 410],
  ['patient link', 'no-show', 'during the appointment', 410],
  ['patient link', 'in person', 'during the appointment', 409],
  ['revoked patient link', 'booked, patient admitted', 'during the appointment', 410],
  ["another appointment's patient link", 'booked, patient admitted', 'during the appointment', 403],
  // A guest: no waiting room (the clinician invited them), the patient's hours.
  ['guest link', 'booked', '20 min before start', 409],
  ['guest link', 'booked', '10 min before start', 'GUEST'],
  ['guest link', 'booked', 'during the appointment', 'GUEST'],
  ['guest link', 'booked', '2 h 1 min after end', 409],
  ['guest link', 'admitted, session ended by clinician', 'during the appointment', 409],
  ['guest link', 'cancelled', 'during the appointment', 410],
  ['revoked guest link', 'booked', 'during the appointment', 410],
];

describe('authorizeVideoAccess for a video token', () => {
  it.each(joinTable)('%s, appointment %s, %s → %s', (principal, scenario, time, expected) => {
    expect(outcome(principal, scenario, time)).toBe(expected);
  });

  it('answers 404 for an appointment that does not exist, before looking at who asks', () => {
    expect(() => authorizeVideoAccess(principals.staff, null, times['during the appointment'])).toThrow(
      expect.objectContaining({ status: 404 }),
    );
  });

  it('gives the opening time as ISO and in words when it is too early', () => {
    const err = refusal('patient link', 'booked, patient admitted', '45 min before start');
    expect(err.status).toBe(409);
    expect(err.details).toMatchObject({ reason: 'TOO_EARLY', opensAt: '2026-11-30T23:45:00.000Z' });
    expect(err.message).toBe(
      'The video session opens at 10:45 am on Tuesday 1 December (15 minutes before the appointment). Please come back then.',
    );
  });

  it('tells the clinician their window opens 30 minutes before the start', () => {
    const err = refusal('own clinician', 'booked', '45 min before start');
    expect(err.details).toMatchObject({ opensAt: '2026-11-30T23:30:00.000Z' });
    expect(err.message).toContain('30 minutes before');
  });

  it('gives the closing time when the window has closed', () => {
    const err = refusal('own clinician', 'booked', '2 h 1 min after end');
    expect(err.details).toMatchObject({ reason: 'CLOSED', closedAt: '2026-12-01T02:50:00.000Z' });
  });

  it('says why a waiting patient cannot join yet', () => {
    const err = refusal('patient link', 'booked, patient waiting', 'during the appointment');
    expect(err.details).toMatchObject({ reason: 'NOT_ADMITTED' });
    expect(err.message).toMatch(/hasn't let you in yet/);
  });
});

describe('authorizeVideoAccess for setting up a room through the API', () => {
  const prepareTable: Array<[PrincipalName, ScenarioName, TimeName, Expected]> = [
    ['API token of own clinician', 'booked', '20 min before start', 'CLINICIAN'],
    ['API token of staff', 'booked', '20 min before start', 'CLINICIAN'],
    ['API token of staff', 'booked', '45 min before start', 409],
    ['API token of staff', 'cancelled', 'during the appointment', 410],
    ['other clinician', 'booked', 'during the appointment', 403],
    ['patient link', 'booked, patient admitted', 'during the appointment', 403],
  ];
  it.each(prepareTable)('%s, appointment %s, %s → %s', (principal, scenario, time, expected) => {
    expect(outcome(principal, scenario, time, 'prepare-room')).toBe(expected);
  });
});

describe('authorizeVideoAccess token expiry', () => {
  it('ends a token 30 minutes after the scheduled end when issued during the appointment', () => {
    const access = authorizeVideoAccess(
      principals['own clinician'],
      facts(scenarios.booked),
      times['during the appointment'],
    );
    expect(access.tokenExpiresAt).toEqual(new Date(endsAt.getTime() + 30 * MIN));
  });
});

/** The AppError the rules refuse this principal with, for this appointment state and moment. */
function refusal(principal: PrincipalName, scenario: ScenarioName, time: TimeName): AppError {
  try {
    authorizeVideoAccess(principals[principal], facts(scenarios[scenario]), times[time]);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}
