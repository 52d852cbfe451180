// Statuses staff see, derived from what happened (room callbacks, the
// patient's use of the link), and the waiting patient's quick replies:
// against the emulator and a real database.
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';

import { databaseUrl, db } from '@/lib/db/client';
import { admitPatient } from '@/lib/video/waiting-room/admit-patient';
import { getJoinPage } from '@/lib/video/links/get-join-page';
import { getVideoPanel } from '@/lib/video/rooms/get-video-panel';
import { getWaitingList } from '@/lib/video/waiting-room/get-waiting-list';
import { VIDEO_NOTIFY_CHANNEL } from '@/lib/video/events/notify-video-change';
import { getOrCreateJoinLink } from '@/lib/video/links/regenerate-join-link';
import { resolveLinkPrincipal } from '@/lib/video/access/resolve-link-principal';
import { revokeJoinLink } from '@/lib/video/links/revoke-join-link';
import { QUICK_REPLY_INTERVAL_MS, sendQuickReply } from '@/lib/video/waiting-room/send-quick-reply';
import { closeNotifyListener } from '@/lib/db/notify-listener';
import { eventually, jsonRequest, MIN, twilioTestCredentials } from '@/tests/helpers/video-fixtures';
import { roomCallbackParamsFrom, signedCallback } from '@/tests/helpers/signed-callback';
import { setUpVideoSuite, signedIn } from '@/tests/helpers/video-suite';

vi.mock('@/lib/auth/current-user', () => import('@/tests/helpers/signed-in-user'));

const { POST: videoToken } = await import('@/app/api/appointments/[id]/video-token/route');
const { POST: statusCallback } = await import('@/app/api/appointments/twilio-status-callback/route');
const { POST: consent } = await import('@/app/api/video/join/consent/route');
const waitingRoom = await import('@/app/api/video/join/waiting-room/route');
const { POST: quickReply } = await import('@/app/api/video/join/quick-reply/route');

const suite = setUpVideoSuite({ closeFirst: [closeNotifyListener] });

const tokenOf = (url: string) => url.split('/join/')[1]!;
const none = { params: Promise.resolve({}) };

function asPatient(token: string, path: string, body: unknown = {}) {
  return jsonRequest(`${suite.services.appUrl}${path}`, {
    body,
    headers: { authorization: `Bearer ${token}` },
  });
}

/** A telehealth appointment whose patient has consented and is in the waiting room. */
async function waitingPatient(startsInMinutes = 5): Promise<{ id: string; token: string }> {
  const id = await suite.appointment({ startsInMinutes });
  const link = await getOrCreateJoinLink(suite.world.staff, id);
  const token = tokenOf(link.url);
  const c = await consent(
    asPatient(token, '/api/video/join/consent', { consentToTelehealth: true, location: 'IN_AUSTRALIA' }),
    none,
  );
  expect(c.status).toBe(200);
  expect((await waitingRoom.POST(asPatient(token, '/api/video/join/waiting-room'), none)).status).toBe(200);
  return { id, token };
}

/** The clinician's token request creates the room; its room-created callback lands first. */
async function roomFor(id: string): Promise<string> {
  signedIn.user = suite.world.clinician;
  const response = await videoToken(
    jsonRequest(`${suite.services.appUrl}/api/appointments/${id}/video-token`, { body: {} }),
    { params: Promise.resolve({ id }) },
  );
  expect(response.status).toBe(200);
  await suite.services.emulator.idle();
  return ((await response.json()) as { roomSid: string }).roomSid;
}

const roomCallbackParams = roomCallbackParamsFrom(twilioTestCredentials.accountSid, Date.now());
function roomCallback(roomSid: string, name: string, minute: number, seq: number, extra = {}) {
  const params = roomCallbackParams(roomSid, name, minute, seq, extra);
  const url = suite.services.callbackUrl;
  return statusCallback(signedCallback(url, params, twilioTestCredentials.authToken), none);
}
const clin = { ParticipantSid: 'PA_clin', ParticipantIdentity: 'clinician:x' };
const pat = { ParticipantSid: 'PA_pat', ParticipantIdentity: 'patient:y' };

async function statusOf(id: string) {
  return (await db().appointment.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
}

describe('quick replies from the waiting room', () => {
  it('stores the reply and announces it on the live channel; staff read it with its time', async () => {
    const { id, token } = await waitingPatient();
    const listener = new pg.Client({ connectionString: databaseUrl() });
    await listener.connect();
    const notices: string[] = [];
    listener.on('notification', (n) => notices.push(n.payload ?? ''));
    await listener.query(`LISTEN ${VIDEO_NOTIFY_CHANNEL}`);
    try {
      const response = await quickReply(
        asPatient(token, '/api/video/join/quick-reply', { reply: 'RUNNING_LATE' }),
        none,
      );
      expect(response.status).toBe(200);
      const body = (await response.json()) as { reply: string; at: string };
      expect(body.reply).toBe('RUNNING_LATE');
      const session = await db().videoSession.findUniqueOrThrow({ where: { appointmentId: id } });
      expect(await db().waitingRoomReply.count({ where: { sessionId: session.id } })).toBe(1);
      await eventually(() => expect(notices).toContainEqual(JSON.stringify({ s: session.id, c: 'reply' })));
      const panel = await getVideoPanel(suite.world.clinician, id);
      expect(panel.replies).toEqual([expect.objectContaining({ reply: 'RUNNING_LATE', at: body.at })]);
      const list = await getWaitingList(suite.world.clinician);
      const item = list.items.find((i) => i.appointmentId === id)!;
      expect(item.replies.map((r) => r.reply)).toEqual(['RUNNING_LATE']);
    } finally {
      await listener.end();
    }
  });

  it('allows one reply per link every 30 seconds (429 with Retry-After), then another', async () => {
    const { id, token } = await waitingPatient();
    const first = await quickReply(
      asPatient(token, '/api/video/join/quick-reply', { reply: 'CAMERA_NOT_WORKING' }),
      none,
    );
    expect(first.status).toBe(200);
    const second = await quickReply(
      asPatient(token, '/api/video/join/quick-reply', { reply: 'WILL_PHONE' }),
      none,
    );
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(second.headers.get('retry-after'))).toBeLessThanOrEqual(30);
    const refused = (await second.json()) as { error: { code: string; message: string } };
    expect(refused.error.code).toBe('RATE_LIMITED');
    expect(refused.error.message).toMatch(/You can send another in \d+ seconds?/);
    // Half a minute later (the clock moved, not waited for) the next one goes through.
    const principal = await resolveLinkPrincipal(token);
    const later = new Date(Date.now() + QUICK_REPLY_INTERVAL_MS + 1000);
    await expect(sendQuickReply(principal, { reply: 'WILL_PHONE' }, later)).resolves.toMatchObject({
      reply: 'WILL_PHONE',
    });
    const session = await db().videoSession.findUniqueOrThrow({ where: { appointmentId: id } });
    expect(await db().waitingRoomReply.count({ where: { sessionId: session.id } })).toBe(2);
  });

  it('refuses free text or an unknown reply with 422, and stores nothing', async () => {
    const { id, token } = await waitingPatient();
    for (const reply of ['Please call me on 0400 000 000', '', 42]) {
      const response = await quickReply(asPatient(token, '/api/video/join/quick-reply', { reply }), none);
      expect(response.status).toBe(422);
    }
    const session = await db().videoSession.findUniqueOrThrow({ where: { appointmentId: id } });
    expect(await db().waitingRoomReply.count({ where: { sessionId: session.id } })).toBe(0);
  });

  it('refuses a withdrawn link with 410 and the clinic to call, and stores nothing', async () => {
    const { id, token } = await waitingPatient();
    await revokeJoinLink(suite.world.staff, id);
    const response = await quickReply(
      asPatient(token, '/api/video/join/quick-reply', { reply: 'RUNNING_LATE' }),
      none,
    );
    expect(response.status).toBe(410);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('LINK_REVOKED');
    const session = await db().videoSession.findUniqueOrThrow({ where: { appointmentId: id } });
    expect(await db().waitingRoomReply.count({ where: { sessionId: session.id } })).toBe(0);
  });

  it('refuses a patient who has not entered the waiting room (409)', async () => {
    const id = await suite.appointment({ startsInMinutes: 5 });
    const link = await getOrCreateJoinLink(suite.world.staff, id);
    const response = await quickReply(
      asPatient(tokenOf(link.url), '/api/video/join/quick-reply', { reply: 'RUNNING_LATE' }),
      none,
    );
    expect(response.status).toBe(409);
  });
});

describe('statuses from events', () => {
  it('moves the appointment to Completed when the room ends after both sides connected', async () => {
    const { id } = await waitingPatient(-5);
    await admitPatient(suite.world.clinician, id);
    const roomSid = await roomFor(id);
    expect((await roomCallback(roomSid, 'participant-connected', 0, 10, clin)).status).toBe(204);
    expect((await roomCallback(roomSid, 'participant-connected', 1, 11, pat)).status).toBe(204);
    const during = await getWaitingList(suite.world.clinician);
    expect(during.items.find((i) => i.appointmentId === id)!.inCall).toEqual({
      patient: true,
      clinician: true,
    });
    await roomCallback(roomSid, 'participant-disconnected', 40, 12, { ...pat, ParticipantDuration: '2340' });
    await roomCallback(roomSid, 'participant-disconnected', 41, 13, { ...clin, ParticipantDuration: '2460' });
    expect(await statusOf(id)).toBe('BOOKED');
    await roomCallback(roomSid, 'room-ended', 46, 14, { RoomDuration: '2760' });
    expect(await statusOf(id)).toBe('COMPLETED');
    const audit = await db().auditLog.findFirst({
      where: { entityType: 'Appointment', entityId: id, actorId: null },
    });
    expect(audit?.detail).toMatchObject({ via: 'video-room-ended' });
  });

  it('completes the appointment when the participants’ callbacks arrive after room-ended', async () => {
    const { id } = await waitingPatient(-5);
    await admitPatient(suite.world.clinician, id);
    const roomSid = await roomFor(id);
    await roomCallback(roomSid, 'participant-connected', 0, 10, clin);
    await roomCallback(roomSid, 'room-ended', 46, 14, { RoomDuration: '2760' });
    expect(await statusOf(id)).toBe('BOOKED');
    // Twilio's retry of the patient's callbacks lands late.
    await roomCallback(roomSid, 'participant-connected', 1, 11, pat);
    expect(await statusOf(id)).toBe('COMPLETED');
  });

  it('leaves the appointment Booked when the room ends with the clinician alone, and offers a no-show', async () => {
    const { id } = await waitingPatient(-20);
    await admitPatient(suite.world.clinician, id);
    const roomSid = await roomFor(id);
    await roomCallback(roomSid, 'participant-connected', 0, 10, clin);
    // Let in, room in progress, but never connected: not "in the call".
    const list = await getWaitingList(suite.world.clinician);
    const item = list.items.find((i) => i.appointmentId === id)!;
    expect(item.waiting?.status).toBe('ADMITTED');
    expect(item.roomInProgress).toBe(true);
    expect(item.inCall.patient).toBe(false);
    await roomCallback(roomSid, 'participant-disconnected', 10, 11, clin);
    await roomCallback(roomSid, 'room-ended', 15, 12);
    expect(await statusOf(id)).toBe('BOOKED');
    const panel = await getVideoPanel(suite.world.clinician, id);
    expect(panel.connected).toEqual([]);
    expect(panel.noShowSuggested).toBe(true);
    expect(item.noShowSuggested).toBe(true);
    // Only offered: nothing changed by itself.
    expect(await statusOf(id)).toBe('BOOKED');
  });

  it('does not offer a no-show for an appointment that has only just started', async () => {
    const id = await suite.appointment({ startsInMinutes: -2 });
    await getOrCreateJoinLink(suite.world.staff, id);
    expect((await getVideoPanel(suite.world.clinician, id)).noShowSuggested).toBe(false);
  });

  it('shows the link first opened, consent given and let in, never "not used" once the patient came', async () => {
    const id = await suite.appointment({ startsInMinutes: 5 });
    const link = await getOrCreateJoinLink(suite.world.staff, id);
    const token = tokenOf(link.url);
    expect((await getVideoPanel(suite.world.staff, id)).joinLink!.uses).toEqual([]);
    const opened = new Date();
    expect((await getJoinPage(token, opened)).kind).toBe('ok');
    // A second opening keeps the first time.
    await getJoinPage(token, new Date(opened.getTime() + 5 * MIN));
    await consent(
      asPatient(token, '/api/video/join/consent', { consentToTelehealth: true, location: 'IN_AUSTRALIA' }),
      none,
    );
    await waitingRoom.POST(asPatient(token, '/api/video/join/waiting-room'), none);
    await admitPatient(suite.world.clinician, id);
    const uses = (await getVideoPanel(suite.world.staff, id)).joinLink!.uses;
    expect(uses.map((u) => u.step)).toEqual(['opened', 'consented', 'waiting', 'admitted']);
    expect(uses[0]!.at).toBe(opened.toISOString());
  });
});
