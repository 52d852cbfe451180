// Rooms and access tokens against the local Twilio emulator and a real
// database, through the route handlers as Next would call them.
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { db } from '@/lib/db/client';
import { CLAIM_STALE_MS } from '@/lib/video/rooms/create-room';
import { ensureVideoSession } from '@/lib/video/rooms/ensure-video-session';
import { eventually, jsonRequest, MIN, twilioTestCredentials } from '@/tests/helpers/video-fixtures';
import { setUpVideoSuite, signedIn } from '@/tests/helpers/video-suite';
import { expectLogError } from '@/tests/helpers/log-capture';

// The signed-in user is read from the session cookie by lib/auth; here each test says who it is.
vi.mock('@/lib/auth/current-user', () => import('@/tests/helpers/signed-in-user'));

const { POST: videoToken } = await import('@/app/api/appointments/[id]/video-token/route');

const suite = setUpVideoSuite();
beforeEach(() => {
  signedIn.user = null;
});

function requestToken(appointmentId: string, options: { token?: string; bearer?: string } = {}) {
  return videoToken(
    jsonRequest(`${suite.services.appUrl}/api/appointments/${appointmentId}/video-token`, {
      body: options.token ? { token: options.token } : {},
      headers: options.bearer ? { authorization: `Bearer ${options.bearer}` } : {},
    }),
    { params: Promise.resolve({ id: appointmentId }) },
  );
}

function grantsOf(jwt: string) {
  const payload = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as {
    exp: number;
    iss: string;
    grants: { identity: string; video?: { room?: string } };
  };
  return payload;
}

async function roomsOf(appointmentId: string) {
  return db().videoRoom.findMany({
    where: { session: { appointmentId } },
    orderBy: { generation: 'asc' },
  });
}

describe('rooms', () => {
  it('20 concurrent token requests for one appointment create exactly one Twilio room', async () => {
    const id = await suite.appointment({ startsInMinutes: 5 });
    signedIn.user = suite.world.clinician;
    const before = suite.services.emulator.rooms().length;

    const responses = await Promise.all(Array.from({ length: 20 }, () => requestToken(id)));
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as Array<{ roomSid: string }>;

    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(new Set(bodies.map((b) => b.roomSid)).size).toBe(1);
    const created = suite.services.emulator.rooms().slice(before);
    expect(created).toHaveLength(1);
    const rows = await roomsOf(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      generation: 1,
      status: 'IN_PROGRESS',
      twilioRoomSid: bodies[0]!.roomSid,
    });
  });

  it('creates a group room in au1 for 4 people, with the status callback, timeouts and an opaque name', async () => {
    const id = await suite.appointment({ startsInMinutes: 5 });
    signedIn.user = suite.world.clinician;
    const { roomSid } = (await (await requestToken(id)).json()) as { roomSid: string };
    const room = suite.services.emulator.rooms().find((r) => r.sid === roomSid)!;
    expect(room).toMatchObject({
      type: 'group',
      mediaRegion: 'au1',
      maxParticipants: 4,
      statusCallback: suite.services.callbackUrl,
    });
    expect(room.uniqueName).toMatch(/^tp-[0-9a-f]{32}$/);
    expect(room.uniqueName).not.toContain(id);
    const fetched = await (
      await import('@/lib/twilio/client')
    )
      .twilioClient()
      .video.v1.rooms(roomSid)
      .fetch();
    expect(fetched).toMatchObject({
      emptyRoomTimeout: 10,
      unusedRoomTimeout: 15,
      statusCallbackMethod: 'POST',
    });
  });

  it('replaces a completed room with a new one while the appointment is in its window', async () => {
    const id = await suite.appointment({ startsInMinutes: -10 });
    signedIn.user = suite.world.clinician;
    const first = (await (await requestToken(id)).json()) as { roomSid: string };
    suite.services.emulator.endRoom(first.roomSid);
    await eventually(async () => expect((await roomsOf(id))[0]!.status).toBe('COMPLETED'));

    const second = (await (await requestToken(id)).json()) as { roomSid: string };
    expect(second.roomSid).not.toBe(first.roomSid);
    expect((await roomsOf(id)).map((r) => [r.generation, r.status])).toEqual([
      [1, 'COMPLETED'],
      [2, 'IN_PROGRESS'],
    ]);
  });

  it('notices a room Twilio ended without telling us, and makes a new one', async () => {
    const id = await suite.appointment({ startsInMinutes: -10 });
    signedIn.user = suite.world.clinician;
    const first = (await (await requestToken(id)).json()) as { roomSid: string };
    suite.services.emulator.endRoom(first.roomSid);
    await suite.services.emulator.idle();
    // As if the room-ended callback had been lost: our row still says in progress, unconfirmed for a while.
    await db().videoRoom.updateMany({
      where: { twilioRoomSid: first.roomSid },
      data: { status: 'IN_PROGRESS', verifiedAt: new Date(Date.now() - 10 * MIN) },
    });
    const second = (await (await requestToken(id)).json()) as { roomSid: string };
    expect(second.roomSid).not.toBe(first.roomSid);
    expect((await roomsOf(id))[0]!.status).toBe('COMPLETED');
  });

  it('adopts the room a dead request created (Twilio 53113) instead of making a second one', async () => {
    const id = await suite.appointment({ startsInMinutes: 5 });
    const sessionId = await ensureVideoSession(id);
    const uniqueName = `tp-${'a'.repeat(24)}${Date.now().toString(16).padStart(8, '0').slice(-8)}`;
    // A request claimed the room and created it at Twilio, then died before saving the SID.
    await db().videoRoom.create({
      data: {
        sessionId,
        generation: 1,
        uniqueName,
        status: 'CREATING',
        mediaRegion: 'au1',
        maxParticipants: 4,
        claimedAt: new Date(Date.now() - CLAIM_STALE_MS - 1000),
      },
    });
    const orphan = await (
      await import('@/lib/twilio/client')
    )
      .twilioClient()
      .video.v1.rooms.create({ uniqueName, type: 'group' });
    const before = suite.services.emulator.rooms().length;

    signedIn.user = suite.world.clinician;
    const body = (await (await requestToken(id)).json()) as { roomSid: string };
    expect(body.roomSid).toBe(orphan.sid);
    expect(suite.services.emulator.rooms().length).toBe(before);
    expect((await roomsOf(id))[0]).toMatchObject({ status: 'IN_PROGRESS', twilioRoomSid: orphan.sid });
  });

  it('answers 502 with a plain message when Twilio fails, and the next request succeeds', async () => {
    const id = await suite.appointment({ startsInMinutes: 5 });
    signedIn.user = suite.world.clinician;
    suite.services.emulator.injectFailure({
      product: 'video',
      method: 'POST',
      path: '/v1/Rooms',
      fault: { type: 'server-error', status: 503 },
    });

    // A 502 is logged as an error: the clinic's Twilio side failed, someone should look.
    const failed = await expectLogError('http.app_error', () => requestToken(id));
    expect(failed.status).toBe(502);
    expect(await failed.json()).toMatchObject({
      error: { code: 'UPSTREAM_FAILED', message: expect.stringMatching(/try again/) },
    });
    expect((await roomsOf(id))[0]).toMatchObject({ status: 'FAILED' });

    const retried = await requestToken(id);
    expect(retried.status).toBe(200);
    expect((await roomsOf(id)).map((r) => r.status)).toEqual(['FAILED', 'IN_PROGRESS']);
  });
});

describe('POST /api/appointments/{id}/video-token', () => {
  it("gives the appointment's clinician a token for that room only, with an opaque identity and a bounded TTL", async () => {
    const id = await suite.appointment({ startsInMinutes: 10 });
    signedIn.user = suite.world.clinician;
    const response = await requestToken(id);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as {
      token: string;
      identity: string;
      role: string;
      roomSid: string;
      expiresAt: string;
    };
    expect(body.role).toBe('clinician');
    expect(body.identity).toMatch(/^clinician:[A-Za-z0-9_-]{16}$/);
    const jwt = grantsOf(body.token);
    expect(jwt.iss).toBe(twilioTestCredentials.apiKey);
    expect(jwt.grants).toEqual({ identity: body.identity, video: { room: body.roomSid } });
    const appointment = await db().appointment.findUniqueOrThrow({ where: { id } });
    expect(jwt.exp * 1000).toBeLessThanOrEqual(appointment.endsAt.getTime() + 30 * MIN);
    expect(jwt.exp * 1000).toBeLessThanOrEqual(Date.now() + 4 * 60 * MIN);
    expect(new Date(body.expiresAt).getTime()).toBe(jwt.exp * 1000);
  });

  it('keeps one identity per person per session, so a second tab replaces the first', async () => {
    const id = await suite.appointment({ startsInMinutes: 10 });
    signedIn.user = suite.world.clinician;
    const a = (await (await requestToken(id)).json()) as { identity: string };
    const b = (await (await requestToken(id)).json()) as { identity: string };
    expect(a.identity).toBe(b.identity);
  });

  it.each([
    ['staff', 403],
    ['admin', 403],
    ['otherClinician', 403],
  ] as const)('refuses %s with %i and a message', async (who, status) => {
    const id = await suite.appointment({ startsInMinutes: 5 });
    signedIn.user = suite.world[who];
    const response = await requestToken(id);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { message: string } }).error.message.length).toBeGreaterThan(
      20,
    );
    expect(await roomsOf(id)).toHaveLength(0);
  });

  it('asks a signed-out caller without a link to sign in (401)', async () => {
    const id = await suite.appointment({ startsInMinutes: 5 });
    const response = await requestToken(id);
    expect(response.status).toBe(401);
  });

  it('answers 404 for an unknown appointment', async () => {
    signedIn.user = suite.world.clinician;
    const response = await requestToken('does-not-exist');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error: { code: 'NOT_FOUND', message: expect.stringContaining('could not find') },
    });
  });

  it('answers 410 for a cancelled appointment', async () => {
    const id = await suite.appointment({ startsInMinutes: 5, status: 'CANCELLED' });
    signedIn.user = suite.world.clinician;
    const response = await requestToken(id);
    expect(response.status).toBe(410);
    expect(await response.json()).toMatchObject({ error: { code: 'GONE', reason: 'CANCELLED' } });
  });

  it('answers 409 with the opening time before the window opens, and creates no room', async () => {
    const id = await suite.appointment({ startsInMinutes: 60 });
    signedIn.user = suite.world.clinician;
    const response = await requestToken(id);
    expect(response.status).toBe(409);
    const body = (await response.json()) as { error: { opensAt: string; message: string } };
    const appointment = await db().appointment.findUniqueOrThrow({ where: { id } });
    expect(body.error.opensAt).toBe(new Date(appointment.startsAt.getTime() - 30 * MIN).toISOString());
    expect(body.error.message).toMatch(/^The video session opens at/);
    expect(await roomsOf(id)).toHaveLength(0);
  });
});

describe('POST /api/appointments/twilio-status-callback/', () => {
  it('stores each event of a real session once, and derives attendance from them', async () => {
    const id = await suite.appointment({ startsInMinutes: -5 });
    signedIn.user = suite.world.clinician;
    const clinician = (await (await requestToken(id)).json()) as { roomSid: string; identity: string };
    const session = await db().videoSession.findUniqueOrThrow({ where: { appointmentId: id } });
    await db().waitingRoomEntry.create({
      data: { sessionId: session.id, status: 'ADMITTED', admittedAt: new Date() },
    });
    const patientIdentity = 'patient:emulated-patient1';
    await db().videoParticipant.create({
      data: { sessionId: session.id, role: 'PATIENT', principalKey: 'patient', identity: patientIdentity },
    });

    suite.services.emulator.joinRoom(clinician.roomSid, clinician.identity, ['audio', 'video']);
    suite.services.emulator.joinRoom(clinician.roomSid, patientIdentity, ['audio', 'video']);
    suite.services.emulator.leaveRoom(clinician.roomSid, patientIdentity);
    suite.services.emulator.joinRoom(clinician.roomSid, patientIdentity, ['audio']);
    suite.services.emulator.endRoom(clinician.roomSid);
    await suite.services.emulator.idle();

    const sent = suite.services.emulator.callbacks().filter((c) => c.resourceSid === clinician.roomSid);
    expect(sent.every((c) => c.result === 'delivered')).toBe(true);
    const stored = await db().videoRoomEvent.count({ where: { roomSid: clinician.roomSid } });
    expect(stored).toBe(sent.length);

    const after = await db().videoSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(after).toMatchObject({
      patientVideoPublished: true,
      audioOnly: false,
      medicareTimeBand: 'UNDER_20_MIN',
    });
    const attendance = after.attendance as { participants: Array<{ role: string; intervals: unknown[] }> };
    expect(attendance.participants.find((p) => p.role === 'PATIENT')!.intervals).toHaveLength(2);
    expect((await roomsOf(id))[0]).toMatchObject({ status: 'COMPLETED' });
  });
});
