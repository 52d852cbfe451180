// Session statuses derived from recorded room event sequences (the shapes
// Twilio sends, including late, repeated and out-of-order deliveries).
import { describe, expect, it } from 'vitest';

import type { RoomEventRecord } from '@/lib/video/attendance/compute-attendance';
import {
  deriveSessionStatus,
  linkUse,
  NO_SHOW_SUGGESTED_AFTER_MS,
  shouldComplete,
  suggestNoShow,
} from '@/lib/video/rooms/derive-session-status';
import { clinician, patient, patientAgain, ROOM_2, roomEventMaker } from '@/tests/helpers/room-events';

const T0 = Date.parse('2026-12-07T23:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const ev = roomEventMaker(at);
const booked = { status: 'BOOKED', startsAt: at(0) };

function fullSession(): RoomEventRecord[] {
  return [
    ev('room-created', -5),
    ev('participant-connected', -2, clinician),
    ev('participant-connected', 0, patient),
    ev('participant-disconnected', 50, { ...patient, participantDuration: 3000 }),
    ev('participant-disconnected', 51, { ...clinician, participantDuration: 3180 }),
    ev('room-ended', 56, { roomDuration: 3660 }),
  ];
}

describe('deriveSessionStatus: who is in the call', () => {
  it('puts the patient in the call between participant-connected and participant-disconnected only', () => {
    const events = fullSession();
    expect(deriveSessionStatus(events.slice(0, 2)).patientInCall).toBe(false);
    const during = deriveSessionStatus(events.slice(0, 3));
    expect(during.patientInCall).toBe(true);
    expect(during.clinicianInCall).toBe(true);
    expect(during.connected.map((c) => c.role)).toEqual(['CLINICIAN', 'PATIENT']);
    expect(during.connected[1]!.since).toEqual(at(0));
    expect(deriveSessionStatus(events.slice(0, 4)).patientInCall).toBe(false);
  });

  it('shows nobody in the call for a room that was created but that nobody connected to', () => {
    const status = deriveSessionStatus([ev('room-created', -5)]);
    expect(status.connected).toEqual([]);
    expect(status.patientFirstConnectedAt).toBeNull();
    expect(status.roomsEnded).toBe(false);
  });

  it('shows nobody in the call when there are no events at all (the room was never used)', () => {
    const status = deriveSessionStatus([]);
    expect(status.connected).toEqual([]);
    expect(status.roomsEnded).toBe(false);
  });

  it('takes a patient who drops and reconnects (a new participant) as in the call again, first connected at the first time', () => {
    const events = [
      ev('room-created', -5),
      ev('participant-connected', 0, patient),
      ev('participant-disconnected', 10, patient),
      ev('participant-connected', 12, patientAgain),
    ];
    const status = deriveSessionStatus(events);
    expect(status.patientInCall).toBe(true);
    expect(status.connected).toHaveLength(1);
    expect(status.connected[0]!.participantSid).toBe('PA_pat_2');
    expect(status.patientFirstConnectedAt).toEqual(at(0));
  });

  it('is not fooled by a disconnect delivered before its connect: the connection is over', () => {
    const connect = ev('participant-connected', 0, patient);
    const disconnect = ev('participant-disconnected', 5, patient);
    const status = deriveSessionStatus([ev('room-created', -5), disconnect, connect]);
    expect(status.patientInCall).toBe(false);
    expect(status.patientFirstConnectedAt).toEqual(at(0));
  });

  it('ignores a redelivered connect that arrives after the disconnect', () => {
    const events = [
      ev('participant-connected', 0, patient),
      ev('participant-disconnected', 5, patient),
      { ...ev('participant-connected', 0, patient) },
    ];
    expect(deriveSessionStatus(events).patientInCall).toBe(false);
  });

  it('counts duplicate callbacks once', () => {
    const connect = ev('participant-connected', 0, patient);
    const status = deriveSessionStatus([connect, connect, { ...connect }]);
    expect(status.connected).toHaveLength(1);
  });

  it('takes everyone out of the call when the room ends, even without their disconnects', () => {
    const events = [
      ev('room-created', -5),
      ev('participant-connected', -2, clinician),
      ev('participant-connected', 0, patient),
      ev('room-ended', 40),
    ];
    const status = deriveSessionStatus(events);
    expect(status.connected).toEqual([]);
    expect(status.roomsEnded).toBe(true);
  });

  it('knows a patient connected from a disconnect alone, when the connect callback never came', () => {
    const status = deriveSessionStatus([
      ev('room-created', -5),
      ev('participant-disconnected', 20, { ...patient, participantDuration: 600 }),
    ]);
    expect(status.patientInCall).toBe(false);
    expect(status.patientFirstConnectedAt).toEqual(at(20));
  });

  it('reads a second room of the session: ended only when every room has ended', () => {
    const events = [
      ...fullSession(),
      ev('room-created', 58, { roomSid: ROOM_2 }),
      ev('participant-connected', 59, { ...clinician, participantSid: 'PA_clin_2', roomSid: ROOM_2 }),
    ];
    const status = deriveSessionStatus(events);
    expect(status.roomsEnded).toBe(false);
    expect(status.clinicianInCall).toBe(true);
    expect(status.patientInCall).toBe(false);
  });

  it('treats guests as neither patient nor clinician', () => {
    const status = deriveSessionStatus([
      ev('participant-connected', 0, { participantSid: 'PA_g', participantIdentity: 'guest:g1' }),
    ]);
    expect(status.connected.map((c) => c.role)).toEqual(['GUEST']);
    expect(status.patientInCall).toBe(false);
  });
});

describe('shouldComplete', () => {
  it('completes a session in which both sides connected once its room has ended', () => {
    expect(shouldComplete(deriveSessionStatus(fullSession()), booked)).toBe(true);
    expect(shouldComplete(deriveSessionStatus(fullSession()), { ...booked, status: 'CONFIRMED' })).toBe(true);
  });

  it('does not complete while the room is still going', () => {
    expect(shouldComplete(deriveSessionStatus(fullSession().slice(0, 5)), booked)).toBe(false);
  });

  it('does not complete a room that ended with one side only', () => {
    const events = [
      ev('room-created', -5),
      ev('participant-connected', -2, clinician),
      ev('participant-disconnected', 20, clinician),
      ev('room-ended', 25),
    ];
    expect(shouldComplete(deriveSessionStatus(events), booked)).toBe(false);
  });

  it('leaves a status a person set (cancelled, no-show, already completed) alone', () => {
    const status = deriveSessionStatus(fullSession());
    for (const s of ['CANCELLED', 'NO_SHOW', 'COMPLETED']) {
      expect(shouldComplete(status, { ...booked, status: s })).toBe(false);
    }
  });

  it('completes whatever the order the callbacks arrived in', () => {
    const shuffled = [...fullSession()].reverse();
    expect(shouldComplete(deriveSessionStatus(shuffled), booked)).toBe(true);
  });
});

describe('suggestNoShow', () => {
  const after = (ms: number) => new Date(booked.startsAt.getTime() + ms);

  it('offers a no-show once the appointment started a while ago and the patient never connected', () => {
    const clinicianAlone = deriveSessionStatus([ev('participant-connected', -2, clinician)]);
    expect(suggestNoShow(clinicianAlone, booked, after(NO_SHOW_SUGGESTED_AFTER_MS))).toBe(true);
    expect(suggestNoShow(deriveSessionStatus([]), booked, after(NO_SHOW_SUGGESTED_AFTER_MS + 1))).toBe(true);
  });

  it('does not offer it before then', () => {
    expect(suggestNoShow(deriveSessionStatus([]), booked, after(NO_SHOW_SUGGESTED_AFTER_MS - 1))).toBe(false);
  });

  it('does not offer it once the patient connected, even briefly', () => {
    const status = deriveSessionStatus([
      ev('participant-connected', 1, patient),
      ev('participant-disconnected', 2, patient),
    ]);
    expect(suggestNoShow(status, booked, after(60 * 60_000))).toBe(false);
  });

  it('does not offer it for an appointment already closed', () => {
    for (const s of ['CANCELLED', 'NO_SHOW', 'COMPLETED']) {
      expect(suggestNoShow(deriveSessionStatus([]), { ...booked, status: s }, after(60 * 60_000))).toBe(
        false,
      );
    }
  });
});

describe('linkUse', () => {
  const none = {
    firstOpenedAt: null,
    consentAt: null,
    waitingSince: null,
    admittedAt: null,
    patientFirstConnectedAt: null,
  };

  it('is empty only when nothing at all was done with the link', () => {
    expect(linkUse(none)).toEqual([]);
  });

  it('shows consent and admission even when the first opening predates the record of it', () => {
    const steps = linkUse({ ...none, consentAt: at(-3), waitingSince: at(-2), admittedAt: at(0) });
    expect(steps.map((s) => s.step)).toEqual(['consented', 'waiting', 'admitted']);
  });

  it('lists every step in order', () => {
    const steps = linkUse({
      firstOpenedAt: at(-10),
      consentAt: at(-3),
      waitingSince: at(-2),
      admittedAt: at(0),
      patientFirstConnectedAt: at(1),
    });
    expect(steps.map((s) => s.step)).toEqual(['opened', 'consented', 'waiting', 'admitted', 'connected']);
  });
});
