// Attendance derived from recorded room event sequences, in the shape Twilio
// sends them (and the emulator replays them).
import { describe, expect, it } from 'vitest';

import { computeAttendance, medicareTimeBand, type RoomEventRecord } from '@/lib/video/attendance/compute-attendance';
import { clinician, patient, patientAgain, ROOM, ROOM_2, roomEventMaker } from '@/tests/helpers/room-events';

const T0 = Date.parse('2026-12-01T00:00:00Z');
const at = (minutes: number, seconds = 0) => new Date(T0 + minutes * 60_000 + seconds * 1000);
const ev = roomEventMaker(at);

/** A 50-minute session where the patient drops at minute 20 and is back at minute 23. */
function dropAndRejoin(): RoomEventRecord[] {
  return [
    ev('room-created', -5),
    ev('participant-connected', -2, clinician),
    ev('track-added', -2, { ...clinician, trackKind: 'video' }),
    ev('participant-connected', 0, patient),
    ev('track-added', 0, { ...patient, trackKind: 'audio' }),
    ev('track-added', 0, { ...patient, trackKind: 'video' }),
    ev('participant-disconnected', 20, { ...patient, participantDuration: 1200 }),
    ev('participant-connected', 23, patientAgain),
    ev('track-added', 23, { ...patientAgain, trackKind: 'audio' }),
    ev('participant-disconnected', 53, { ...patientAgain, participantDuration: 1800 }),
    ev('participant-disconnected', 54, { ...clinician, participantDuration: 3360 }),
    ev('room-ended', 64, { roomDuration: 4140 }),
  ];
}

describe('computeAttendance', () => {
  it('counts a patient who drops and rejoins as two intervals, and sums them', () => {
    const a = computeAttendance(dropAndRejoin(), at(90));
    const patient = a.participants.find((p) => p.role === 'PATIENT')!;
    expect(patient.intervals).toEqual([
      { roomSid: ROOM, participantSid: 'PA_pat_1', joinedAt: at(0), leftAt: at(20), seconds: 1200 },
      { roomSid: ROOM, participantSid: 'PA_pat_2', joinedAt: at(23), leftAt: at(53), seconds: 1800 },
    ]);
    expect(a.patientSeconds).toBe(3000);
    expect(a.clinicianSeconds).toBe(3360);
    // Together: 0–20 and 23–53 = 50 minutes.
    expect(a.jointSeconds).toBe(3000);
    expect(a.medicareTimeBand).toBe('FROM_50_MIN');
  });

  it('gives the room duration and the participant-seconds and -minutes it is billed by', () => {
    const a = computeAttendance(dropAndRejoin(), at(90));
    expect(a.rooms).toEqual([
      {
        roomSid: ROOM,
        startedAt: at(-5),
        endedAt: at(64),
        durationSeconds: 4140,
        participantSeconds: 1200 + 1800 + 3360,
        participantMinutes: 20 + 30 + 56,
      },
    ]);
    expect(a.participantSeconds).toBe(6360);
  });

  it('gives the same answer whatever order the events arrive in, and ignores redeliveries', () => {
    const events = dropAndRejoin();
    const shuffled = [
      events[9]!,
      events[3]!,
      events[11]!,
      events[0]!,
      events[6]!,
      events[6]!,
      events[1]!,
      events[7]!,
      events[2]!,
      events[10]!,
      events[4]!,
      events[5]!,
      events[8]!,
      events[3]!,
    ];
    expect(computeAttendance(shuffled, at(90))).toEqual(computeAttendance(events, at(90)));
  });

  it('notes that the patient published video, and flags a session where they never did as audio-only', () => {
    expect(computeAttendance(dropAndRejoin(), at(90))).toMatchObject({
      patientVideoPublished: true,
      audioOnly: false,
    });
    const audioOnly = dropAndRejoin().filter(
      (e) => !(e.event === 'track-added' && e.participantSid === 'PA_pat_1' && e.trackKind === 'video'),
    );
    expect(computeAttendance(audioOnly, at(90))).toMatchObject({
      patientAttended: true,
      patientVideoPublished: false,
      audioOnly: true,
    });
  });

  it('closes a connection whose disconnect never came at the end of the room', () => {
    const events = [
      ev('room-created', 0),
      ev('participant-connected', 1, clinician),
      ev('participant-connected', 2, patient),
      ev('room-ended', 30, { roomDuration: 1800 }),
    ];
    const a = computeAttendance(events, at(90));
    expect(a.patientSeconds).toBe(28 * 60);
    expect(a.clinicianSeconds).toBe(29 * 60);
    expect(a.medicareTimeBand).toBe('FROM_20_UNDER_50_MIN');
  });

  it('counts a connection still open up to the moment asked about', () => {
    const events = [
      ev('room-created', 0),
      ev('participant-connected', 1, clinician),
      ev('participant-connected', 5, patient),
    ];
    const a = computeAttendance(events, at(15));
    expect(a.patientSeconds).toBe(600);
    expect(a.participants.find((p) => p.role === 'PATIENT')!.intervals[0]!.leftAt).toBeNull();
    expect(a.medicareTimeBand).toBe('UNDER_20_MIN');
  });

  it("uses Twilio's ParticipantDuration to place a disconnect whose connect has not arrived", () => {
    const events = [
      ev('participant-connected', 0, clinician),
      ev('participant-disconnected', 30, { ...patient, participantDuration: 1500 }),
    ];
    const a = computeAttendance(events, at(40));
    expect(a.participants.find((p) => p.role === 'PATIENT')!.intervals[0]).toMatchObject({
      joinedAt: at(5),
      leftAt: at(30),
      seconds: 1500,
    });
    expect(a.jointSeconds).toBe(1500);
  });

  it('adds up a patient across a room that was replaced by a new one', () => {
    const events = [
      ev('participant-connected', 0, clinician),
      ev('participant-connected', 0, patient),
      ev('room-ended', 10, { roomDuration: 600 }),
      ev('participant-connected', 12, { ...clinician, participantSid: 'PA_clin_2', roomSid: ROOM_2 }),
      ev('participant-connected', 12, { ...patientAgain, roomSid: ROOM_2 }),
      ev('room-ended', 32, { roomSid: ROOM_2 }),
    ];
    const a = computeAttendance(events, at(40));
    expect(a.patientSeconds).toBe(30 * 60);
    expect(a.rooms.map((r) => r.roomSid)).toEqual([ROOM, ROOM_2].sort());
    expect(a.medicareTimeBand).toBe('FROM_20_UNDER_50_MIN');
  });

  it('sets no Medicare band when the patient never connected', () => {
    const a = computeAttendance(
      [ev('room-created', 0), ev('participant-connected', 1, clinician), ev('room-ended', 20)],
      at(30),
    );
    expect(a).toMatchObject({ patientAttended: false, medicareTimeBand: null, audioOnly: false });
  });

  it('sets the band from the minutes patient and clinician were connected together, not the patient alone', () => {
    const events = [
      ev('participant-connected', 0, patient),
      ev('participant-connected', 35, clinician),
      ev('participant-disconnected', 55, patient),
      ev('participant-disconnected', 56, clinician),
    ];
    const a = computeAttendance(events, at(60));
    expect(a.patientSeconds).toBe(55 * 60);
    expect(a.jointSeconds).toBe(20 * 60);
    expect(a.medicareTimeBand).toBe('FROM_20_UNDER_50_MIN');
  });
});

describe('medicareTimeBand', () => {
  it.each([
    [0, 'UNDER_20_MIN'],
    [19 * 60 + 59, 'UNDER_20_MIN'],
    [20 * 60, 'FROM_20_UNDER_50_MIN'],
    [49 * 60 + 59, 'FROM_20_UNDER_50_MIN'],
    [50 * 60, 'FROM_50_MIN'],
    [90 * 60, 'FROM_50_MIN'],
  ] as const)('puts %i seconds in band %s', (seconds, band) => {
    expect(medicareTimeBand(seconds)).toBe(band);
  });
});
