// The status callback route, called the way Twilio calls it: form-encoded
// POSTs to the exact configured URL (trailing slash included), signed with
// the twilio helper's algorithm.
import twilio from 'twilio';
import { describe, expect, it, vi } from 'vitest';

import { db } from '@/lib/db/client';
import { CALLBACK_PATH, jsonRequest, twilioTestCredentials } from '@/tests/helpers/video-fixtures';
import { roomCallbackParamsFrom, signedCallback } from '@/tests/helpers/signed-callback';
import { setUpVideoSuite, signedIn } from '@/tests/helpers/video-suite';

vi.mock('@/lib/auth/current-user', () => import('@/tests/helpers/signed-in-user'));

const { POST: videoToken } = await import('@/app/api/appointments/[id]/video-token/route');
const { POST: statusCallback } = await import('@/app/api/appointments/twilio-status-callback/route');

const suite = setUpVideoSuite();

/** A session with a room, as the clinician's first token request leaves it. */
async function sessionWithRoom(): Promise<{ roomSid: string; sessionId: string; clinicianIdentity: string }> {
  const id = await suite.appointment({ startsInMinutes: -5 });
  signedIn.user = suite.world.clinician;
  const response = await videoToken(
    jsonRequest(`${suite.services.appUrl}/api/appointments/${id}/video-token`, { body: {} }),
    {
      params: Promise.resolve({ id }),
    },
  );
  const body = (await response.json()) as { roomSid: string; identity: string };
  const session = await db().videoSession.findUniqueOrThrow({ where: { appointmentId: id } });
  // The emulator reports room-created for the new room itself; let that land first.
  await suite.services.emulator.idle();
  return { roomSid: body.roomSid, sessionId: session.id, clinicianIdentity: body.identity };
}

function callback(
  params: Record<string, string>,
  options: { signature?: string | null; url?: string } = {},
): Promise<Response> {
  const url = options.url ?? suite.services.callbackUrl;
  const request = signedCallback(url, params, twilioTestCredentials.authToken, options);
  return statusCallback(request, { params: Promise.resolve({}) });
}

const event = roomCallbackParamsFrom(twilioTestCredentials.accountSid, Date.now());

const countEvents = (roomSid: string) => db().videoRoomEvent.count({ where: { roomSid } });

describe('POST /api/appointments/twilio-status-callback/', () => {
  it('is served at the exact path with its trailing slash, and accepts a request signed for that URL', async () => {
    expect(new URL(suite.services.callbackUrl).pathname).toBe(CALLBACK_PATH);
    const { roomSid } = await sessionWithRoom();
    const before = await countEvents(roomSid);
    const response = await callback(event(roomSid, 'room-created', 0, 0));
    expect(response.status).toBe(204);
    expect(await countEvents(roomSid)).toBe(before + 1);
  });

  it('answers 403 to an unsigned request and writes nothing', async () => {
    const { roomSid } = await sessionWithRoom();
    const before = await countEvents(roomSid);
    const response = await callback(
      event(roomSid, 'participant-connected', 1, 1, { ParticipantSid: 'PA1' }),
      {
        signature: null,
      },
    );
    expect(response.status).toBe(403);
    expect(await countEvents(roomSid)).toBe(before);
  });

  it('answers 403 to a tampered request (a field changed after signing) and writes nothing', async () => {
    const { roomSid } = await sessionWithRoom();
    const before = await countEvents(roomSid);
    const params = event(roomSid, 'participant-disconnected', 30, 5, {
      ParticipantSid: 'PA1',
      ParticipantDuration: '60',
    });
    const signature = twilio.getExpectedTwilioSignature(
      twilioTestCredentials.authToken,
      suite.services.callbackUrl,
      params,
    );
    const response = await callback({ ...params, ParticipantDuration: '3600' }, { signature });
    expect(response.status).toBe(403);
    expect(await countEvents(roomSid)).toBe(before);
  });

  it('answers 403 to a request signed for another URL or with another auth token', async () => {
    const { roomSid } = await sessionWithRoom();
    const before = await countEvents(roomSid);
    const params = event(roomSid, 'room-created', 0, 0);
    const otherUrl = twilio.getExpectedTwilioSignature(
      twilioTestCredentials.authToken,
      'https://evil.example/x',
      params,
    );
    const otherToken = twilio.getExpectedTwilioSignature('f'.repeat(32), suite.services.callbackUrl, params);
    expect((await callback(params, { signature: otherUrl })).status).toBe(403);
    expect((await callback(params, { signature: otherToken })).status).toBe(403);
    expect(await countEvents(roomSid)).toBe(before);
  });

  it('stores a replayed (redelivered) event once and changes nothing the second time', async () => {
    const { roomSid, sessionId, clinicianIdentity } = await sessionWithRoom();
    const before = await countEvents(roomSid);
    const connected = event(roomSid, 'participant-connected', 0, 1, {
      ParticipantSid: 'PAclin',
      ParticipantIdentity: clinicianIdentity,
    });
    const left = event(roomSid, 'participant-disconnected', 10, 2, {
      ParticipantSid: 'PAclin',
      ParticipantIdentity: clinicianIdentity,
      ParticipantDuration: '600',
    });
    for (const params of [connected, left, left, connected, left])
      expect((await callback(params)).status).toBe(204);
    expect(await countEvents(roomSid)).toBe(before + 2);
    const session = await db().videoSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session.clinicianSeconds).toBe(600);
  });

  it('orders out-of-order events by Timestamp: a patient who dropped and rejoined gets two intervals, summed', async () => {
    const { roomSid, sessionId, clinicianIdentity } = await sessionWithRoom();
    const clin = { ParticipantSid: 'PAc1', ParticipantIdentity: clinicianIdentity };
    const p1 = { ParticipantSid: 'PAp1', ParticipantIdentity: 'patient:abc' };
    const p2 = { ParticipantSid: 'PAp2', ParticipantIdentity: 'patient:abc' };
    const inOrder = [
      event(roomSid, 'room-created', -1, 0),
      event(roomSid, 'participant-connected', 0, 1, clin),
      event(roomSid, 'participant-connected', 1, 2, p1),
      event(roomSid, 'track-added', 1, 3, { ...p1, TrackSid: 'MTv1', TrackKind: 'video' }),
      event(roomSid, 'participant-disconnected', 21, 4, { ...p1, ParticipantDuration: '1200' }),
      event(roomSid, 'participant-connected', 24, 5, p2),
      event(roomSid, 'participant-disconnected', 54, 6, { ...p2, ParticipantDuration: '1800' }),
      event(roomSid, 'participant-disconnected', 55, 7, { ...clin, ParticipantDuration: '3300' }),
      event(roomSid, 'room-ended', 60, 8, { RoomDuration: '3660' }),
    ];
    const delivered = [8, 6, 2, 7, 0, 4, 1, 5, 3].map((i) => inOrder[i]!);
    for (const params of delivered) expect((await callback(params)).status).toBe(204);

    const session = await db().videoSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session).toMatchObject({
      patientSeconds: 3000,
      clinicianSeconds: 3300,
      jointSeconds: 3000,
      medicareTimeBand: 'FROM_50_MIN',
      patientVideoPublished: true,
      audioOnly: false,
    });
    const patient = (
      session.attendance as { participants: Array<{ role: string; intervals: Array<{ seconds: number }> }> }
    ).participants.find((p) => p.role === 'PATIENT')!;
    expect(patient.intervals.map((i) => i.seconds)).toEqual([1200, 1800]);
    const room = await db().videoRoom.findUniqueOrThrow({ where: { twilioRoomSid: roomSid } });
    expect(room).toMatchObject({
      status: 'COMPLETED',
      durationSeconds: 3660,
      participantSeconds: 6300,
      participantMinutes: 105,
    });
  });

  it('counts every event when a session’s callbacks all arrive at once, each twice, in any order', async () => {
    const { roomSid, sessionId, clinicianIdentity } = await sessionWithRoom();
    const clin = { ParticipantSid: 'PAc9', ParticipantIdentity: clinicianIdentity };
    const p1 = { ParticipantSid: 'PAp9', ParticipantIdentity: 'patient:xyz' };
    const p2 = { ParticipantSid: 'PAq9', ParticipantIdentity: 'patient:xyz' };
    const events = [
      event(roomSid, 'participant-connected', 0, 1, clin),
      event(roomSid, 'track-added', 0, 2, { ...clin, TrackSid: 'MTc9', TrackKind: 'video' }),
      event(roomSid, 'participant-connected', 2, 3, p1),
      event(roomSid, 'track-added', 2, 4, { ...p1, TrackSid: 'MTp9', TrackKind: 'video' }),
      event(roomSid, 'participant-disconnected', 12, 5, { ...p1, ParticipantDuration: '600' }),
      event(roomSid, 'participant-connected', 14, 6, p2),
      event(roomSid, 'participant-disconnected', 44, 7, { ...p2, ParticipantDuration: '1800' }),
      event(roomSid, 'participant-disconnected', 45, 8, { ...clin, ParticipantDuration: '2700' }),
    ];
    // Each callback reads the session's events with its own insert: none of them sees the
    // others' yet, and the figures must still end up counting all eight.
    const deliveries = [...events, ...events].reverse();
    const answers = await Promise.all(deliveries.map((params) => callback(params)));
    expect(answers.map((r) => r.status)).toEqual(deliveries.map(() => 204));

    const session = await db().videoSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session).toMatchObject({
      patientSeconds: 2400,
      clinicianSeconds: 2700,
      jointSeconds: 2400,
      medicareTimeBand: 'FROM_20_UNDER_50_MIN',
      patientVideoPublished: true,
    });
    expect(session.attendanceEventCount).toBe(await countEvents(roomSid));
  });

  it('flags an audio-only session when the patient never published video', async () => {
    const { roomSid, sessionId, clinicianIdentity } = await sessionWithRoom();
    const p = { ParticipantSid: 'PAaudio', ParticipantIdentity: 'patient:xyz' };
    for (const params of [
      event(roomSid, 'participant-connected', 0, 1, {
        ParticipantSid: 'PAc',
        ParticipantIdentity: clinicianIdentity,
      }),
      event(roomSid, 'participant-connected', 0, 2, p),
      event(roomSid, 'track-added', 0, 3, { ...p, TrackSid: 'MTa', TrackKind: 'audio' }),
      event(roomSid, 'room-ended', 30, 4, { RoomDuration: '1800' }),
    ]) {
      await callback(params);
    }
    expect(await db().videoSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({
      audioOnly: true,
      patientVideoPublished: false,
      medicareTimeBand: 'FROM_20_UNDER_50_MIN',
    });
  });

  it('keeps an event for a room it does not know yet (Twilio can report room-created first)', async () => {
    const roomSid = `RM${'e'.repeat(28)}${Date.now().toString(16).slice(-4)}`;
    expect((await callback(event(roomSid, 'room-created', 0, 0))).status).toBe(204);
    expect(await countEvents(roomSid)).toBe(1);
  });

  it('answers 400 (which Twilio does not retry) to a signed request that is not a room event', async () => {
    const response = await callback({ RoomSid: 'nonsense', StatusCallbackEvent: 'room-created' });
    expect(response.status).toBe(400);
  });
});
