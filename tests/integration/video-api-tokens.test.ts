// Per-user API tokens (issued and revoked by an admin, stored hashed) and the
// room API they open: POST /api/appointments/video-room/{id}/, trailing slash included.
import { describe, expect, it } from 'vitest';

import { hashApiToken } from '@/lib/api-tokens/api-token-secret';
import { issueApiToken } from '@/lib/api-tokens/issue-api-token';
import { listApiTokens } from '@/lib/api-tokens/list-api-tokens';
import { revokeApiToken } from '@/lib/api-tokens/revoke-api-token';
import { db } from '@/lib/db/client';
import { jsonRequest, MIN } from '@/tests/helpers/video-fixtures';
import { setUpVideoSuite } from '@/tests/helpers/video-suite';

const { POST: videoRoom } = await import('@/app/api/appointments/video-room/[id]/route');

const suite = setUpVideoSuite();

function callRoomApi(appointmentId: string, token?: string) {
  // The exact path other systems call, with its trailing slash.
  const url = `${suite.services.appUrl}/api/appointments/video-room/${appointmentId}/`;
  return videoRoom(jsonRequest(url, { headers: token ? { authorization: `Bearer ${token}` } : {} }), {
    params: Promise.resolve({ id: appointmentId }),
  });
}

/** An admin issues a token for this person. */
function issueFor(user: { id: string }, label: string, expiresInDays?: string) {
  return issueApiToken(suite.world.admin, {
    userId: user.id,
    label,
    ...(expiresInDays ? { expiresInDays } : {}),
  });
}

describe('API tokens', () => {
  it('are shown once when issued and stored only as a hash, with an audit entry', async () => {
    const issued = await issueApiToken(suite.world.admin, {
      userId: suite.world.staff.id,
      label: 'Practice sync',
      expiresInDays: '30',
    });
    expect(issued.token).toMatch(/^tpat_[A-Za-z0-9_-]{43}$/);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: issued.id } });
    expect(row.tokenHash).toBe(hashApiToken(issued.token));
    expect(JSON.stringify(row)).not.toContain(issued.token);
    expect(row.tokenPrefix).toBe(issued.token.slice(0, 11));
    const listed = await listApiTokens(suite.world.admin);
    expect(listed.find((t) => t.id === issued.id)).toMatchObject({
      label: 'Practice sync',
      prefix: row.tokenPrefix,
    });
    expect(JSON.stringify(listed)).not.toContain(issued.token);
    const audit = await db().auditLog.findFirst({ where: { entityType: 'ApiToken', entityId: issued.id } });
    expect(audit).toMatchObject({ action: 'CREATE', actorId: suite.world.admin.id });
  });

  it('can be issued and revoked by admins only', async () => {
    await expect(
      issueApiToken(suite.world.staff, { userId: suite.world.staff.id, label: 'Mine' }),
    ).rejects.toMatchObject({ status: 403 });
    const issued = await issueApiToken(suite.world.admin, { userId: suite.world.staff.id, label: 'Temp' });
    await expect(revokeApiToken(suite.world.clinician, issued.id)).rejects.toMatchObject({ status: 403 });
  });

  it('asks for a name a person can recognise (422 with the field)', async () => {
    await expect(
      issueApiToken(suite.world.admin, { userId: suite.world.staff.id, label: '' }),
    ).rejects.toMatchObject({
      status: 422,
      fieldErrors: { label: [expect.stringContaining('Give the token a name')] },
    });
  });
});

describe('POST /api/appointments/video-room/{id}/', () => {
  it('creates the room (201) and then returns it (200), with its SID, region and status', async () => {
    const id = await suite.appointment({ startsInMinutes: 10 });
    const { token } = await issueFor(suite.world.clinician, 'Clinician API');
    const created = await callRoomApi(id, token);
    expect(created.status).toBe(201);
    const body = (await created.json()) as { room: { sid: string } };
    expect(body).toEqual({
      room: {
        sid: expect.stringMatching(/^RM[0-9a-f]{32}$/),
        status: 'in-progress',
        mediaRegion: 'au1',
        maxParticipants: 4,
      },
    });
    const again = await callRoomApi(id, token);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { room: { sid: string } }).room.sid).toBe(body.room.sid);
    expect(suite.services.emulator.rooms().filter((r) => r.sid === body.room.sid)).toHaveLength(1);
  });

  it("works with a reception user's token, which can set a room up but never join it", async () => {
    const id = await suite.appointment({ startsInMinutes: 10 });
    const { token } = await issueFor(suite.world.staff, 'Reception API');
    expect((await callRoomApi(id, token)).status).toBe(201);
  });

  it('refuses a missing, unknown, revoked or expired token with 401', async () => {
    const id = await suite.appointment({ startsInMinutes: 10 });
    expect((await callRoomApi(id)).status).toBe(401);
    expect((await callRoomApi(id, `tpat_${'x'.repeat(43)}`)).status).toBe(401);

    const revoked = await issueFor(suite.world.clinician, 'Revoked');
    expect(await revokeApiToken(suite.world.admin, revoked.id)).toEqual({ changed: true });
    const response = await callRoomApi(id, revoked.token);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { message: expect.stringContaining('revoked') } });

    const expiring = await issueFor(suite.world.clinician, 'Expiring', '1');
    await db().apiToken.update({
      where: { id: expiring.id },
      data: { expiresAt: new Date(Date.now() - MIN) },
    });
    expect((await callRoomApi(id, expiring.token)).status).toBe(401);
    expect(await db().videoRoom.count({ where: { session: { appointmentId: id } } })).toBe(0);
  });

  it("refuses another clinician's token (403)", async () => {
    const id = await suite.appointment({ startsInMinutes: 10 });
    const { token } = await issueFor(suite.world.otherClinician, 'Other');
    expect((await callRoomApi(id, token)).status).toBe(403);
  });

  it('answers 410 for a cancelled appointment, 409 with the opening time before the window, 404 for an unknown one', async () => {
    const { token } = await issueFor(suite.world.staff, 'States');
    const cancelled = await suite.appointment({ startsInMinutes: 10, status: 'CANCELLED' });
    expect((await callRoomApi(cancelled, token)).status).toBe(410);
    const later = await suite.appointment({ startsInMinutes: 120 });
    const early = await callRoomApi(later, token);
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ error: { opensAt: expect.any(String) } });
    expect((await callRoomApi('no-such-appointment', token)).status).toBe(404);
  });
});
