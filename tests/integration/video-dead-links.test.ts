// A link that no longer works reveals nothing: for each way a link dies
// (withdrawn, replaced, expired, appointment cancelled or closed as missed, a
// guest's link withdrawn), every join route and the join page answer with what
// happened and the clinic's phone number, and no appointment time, consent,
// waiting state or waiting-room message, even though the session has all of them.
import { beforeAll, describe, expect, it, vi } from 'vitest';

import { updateClinicPhone } from '@/lib/clinic/update-clinic-phone';
import { db } from '@/lib/db/client';
import { createGuestLink } from '@/lib/video/links/create-guest-link';
import { getJoinPage } from '@/lib/video/links/get-join-page';
import { markNoShow } from '@/lib/video/attendance/mark-no-show';
import { postWaitingRoomMessage } from '@/lib/video/waiting-room/post-waiting-room-message';
import { getOrCreateJoinLink, regenerateJoinLink } from '@/lib/video/links/regenerate-join-link';
import { revokeJoinLink } from '@/lib/video/links/revoke-join-link';
import { closeNotifyListener } from '@/lib/db/notify-listener';
import { jsonRequest, MIN } from '@/tests/helpers/video-fixtures';
import { setUpVideoSuite } from '@/tests/helpers/video-suite';

vi.mock('@/lib/auth/current-user', () => import('@/tests/helpers/signed-in-user'));

const { GET: joinState } = await import('@/app/api/video/join/route');
const { GET: joinPage } = await import('@/app/api/video/join/page/route');
const { POST: consent } = await import('@/app/api/video/join/consent/route');
const waitingRoom = await import('@/app/api/video/join/waiting-room/route');
const { GET: joinEvents } = await import('@/app/api/video/join/events/route');
const { POST: preflightToken } = await import('@/app/api/video/join/preflight-token/route');
const { POST: videoToken } = await import('@/app/api/appointments/[id]/video-token/route');

const CLINIC_PHONE = '02 5550 1234';
const MESSAGE = 'Running five minutes late, sorry';

const none = { params: Promise.resolve({}) };
const tokenOf = (url: string) => url.split('/join/')[1]!;

// No room is made here, so nothing calls back.
const suite = setUpVideoSuite({ ignoreCallbacks: true, closeFirst: [closeNotifyListener] });
beforeAll(async () => {
  await db().clinic.update({ where: { id: suite.world.clinicId }, data: { contactPhone: CLINIC_PHONE } });
});

function asLink(token: string, path: string, method: string, body?: unknown) {
  return jsonRequest(`${suite.services.appUrl}${path}`, {
    method,
    body,
    headers: { authorization: `Bearer ${token}` },
  });
}

/** Every route a join link can call, each as the browser calls it. */
const routes: Array<[string, (token: string) => Promise<Response>]> = [
  ['GET /api/video/join', (t) => joinState(asLink(t, '/api/video/join', 'GET'), none)],
  ['GET /api/video/join/page', (t) => joinPage(asLink(t, '/api/video/join/page', 'GET'), none)],
  [
    'POST /api/video/join/consent',
    (t) =>
      consent(
        asLink(t, '/api/video/join/consent', 'POST', { consentToTelehealth: true, location: 'IN_AUSTRALIA' }),
        none,
      ),
  ],
  [
    'POST /api/video/join/waiting-room',
    (t) => waitingRoom.POST(asLink(t, '/api/video/join/waiting-room', 'POST', {}), none),
  ],
  [
    'DELETE /api/video/join/waiting-room',
    (t) => waitingRoom.DELETE(asLink(t, '/api/video/join/waiting-room', 'DELETE', {}), none),
  ],
  ['GET /api/video/join/events', (t) => joinEvents(asLink(t, '/api/video/join/events', 'GET'), none)],
  [
    'POST /api/video/join/preflight-token',
    (t) => preflightToken(asLink(t, '/api/video/join/preflight-token', 'POST', {}), none),
  ],
];

type Live = { id: string; token: string; startsAt: Date };

/** A session with everything a leak could show: consent and location, a place in the waiting room, a message. */
async function liveSession(): Promise<Live> {
  const id = await suite.appointment({ startsInMinutes: 5 });
  const token = tokenOf((await getOrCreateJoinLink(suite.world.staff, id)).url);
  expect(
    (
      await consent(
        asLink(token, '/api/video/join/consent', 'POST', {
          consentToTelehealth: true,
          location: 'OUTSIDE_AUSTRALIA',
        }),
        none,
      )
    ).status,
  ).toBe(200);
  expect(
    (await waitingRoom.POST(asLink(token, '/api/video/join/waiting-room', 'POST', {}), none)).status,
  ).toBe(200);
  await postWaitingRoomMessage(suite.world.clinician, id, { body: MESSAGE });
  // While it works, the link does show all of it (so its absence below means something).
  const state = JSON.stringify(await (await joinState(asLink(token, '/api/video/join', 'GET'), none)).json());
  expect(state).toContain(MESSAGE);
  expect(state).toContain('OUTSIDE_AUSTRALIA');
  const { startsAt } = await db().appointment.findUniqueOrThrow({
    where: { id },
    select: { startsAt: true },
  });
  return { id, token, startsAt };
}

/** Nothing about the appointment or the session, in any form it could take. */
function expectNothingRevealed(text: string, live: Live) {
  expect(text).not.toContain(MESSAGE);
  expect(text).not.toContain(live.id);
  expect(text).not.toContain(live.startsAt.toISOString());
  expect(text).not.toMatch(
    /OUTSIDE_AUSTRALIA|IN_AUSTRALIA|consent"|waiting"|WAITING|startsAt|opensAt|closesAt/,
  );
  expect(text).not.toContain('Clinician'); // the clinician's name
}

async function expectDead(link: string, live: Live, code: string) {
  for (const [name, call] of routes) {
    const response = await call(link);
    const text = await response.text();
    expect({ name, status: response.status }).toEqual({ name, status: 410 });
    const body = JSON.parse(text) as { error: { code: string; message: string; clinicPhone: string } };
    expect({ name, error: body.error }).toMatchObject({
      name,
      error: { code, message: expect.any(String), clinicPhone: CLINIC_PHONE },
    });
    expectNothingRevealed(text, live);
  }
  // The video-token route, which looks a patient's link up with the appointment.
  const token = await videoToken(
    jsonRequest(`${suite.services.appUrl}/api/appointments/${live.id}/video-token`, {
      body: { token: link },
    }),
    { params: Promise.resolve({ id: live.id }) },
  );
  const tokenText = await token.text();
  expect(token.status).toBe(410);
  expect(JSON.parse(tokenText)).toMatchObject({ error: { code, clinicPhone: CLINIC_PHONE } });
  expectNothingRevealed(tokenText, live);
  // The page itself (server-rendered from the same facts).
  const page = await getJoinPage(link);
  expect(page).toEqual({ kind: 'dead', code, message: expect.any(String), clinicPhone: CLINIC_PHONE });
  expectNothingRevealed(JSON.stringify(page), live);
}

describe('a dead join link', () => {
  it('withdrawn by staff: every route answers 410 LINK_REVOKED with the clinic’s phone and nothing else', async () => {
    const live = await liveSession();
    await revokeJoinLink(suite.world.staff, live.id);
    await expectDead(live.token, live, 'LINK_REVOKED');
  });

  it('replaced by a newer link: 410 LINK_REPLACED, while the new link works', async () => {
    const live = await liveSession();
    const fresh = await regenerateJoinLink(suite.world.staff, live.id);
    await expectDead(live.token, live, 'LINK_REPLACED');
    expect((await joinState(asLink(tokenOf(fresh.url), '/api/video/join', 'GET'), none)).status).toBe(200);
  });

  it('withdrawn and then followed by a new link counts as replaced', async () => {
    const live = await liveSession();
    await revokeJoinLink(suite.world.staff, live.id);
    await getOrCreateJoinLink(suite.world.staff, live.id);
    await expectDead(live.token, live, 'LINK_REPLACED');
  });

  it('expired (the session closed two hours after the appointment ended): 410 LINK_EXPIRED', async () => {
    const live = await liveSession();
    // Moved into the past: ended 2 hours and a minute ago.
    const endsAt = new Date(Date.now() - 121 * MIN);
    await db().appointment.update({
      where: { id: live.id },
      data: { startsAt: new Date(endsAt.getTime() - 50 * MIN), endsAt },
    });
    await expectDead(live.token, live, 'LINK_EXPIRED');
  });

  it('for a cancelled appointment: 410 APPOINTMENT_CANCELLED', async () => {
    const live = await liveSession();
    await db().appointment.update({ where: { id: live.id }, data: { status: 'CANCELLED' } });
    await expectDead(live.token, live, 'APPOINTMENT_CANCELLED');
  });

  it('for an appointment closed as missed: 410 APPOINTMENT_CLOSED', async () => {
    const id = await suite.appointment({ startsInMinutes: -20 });
    const token = tokenOf((await getOrCreateJoinLink(suite.world.staff, id)).url);
    await postWaitingRoomMessage(suite.world.clinician, id, { body: MESSAGE });
    await markNoShow(suite.world.clinician, id);
    const { startsAt } = await db().appointment.findUniqueOrThrow({
      where: { id },
      select: { startsAt: true },
    });
    await expectDead(token, { id, token, startsAt }, 'APPOINTMENT_CLOSED');
  });

  it('a link withdrawn while the patient waits ends their event stream with what happened, not a state', async () => {
    const live = await liveSession();
    const response = await joinEvents(asLink(live.token, '/api/video/join/events', 'GET'), none);
    expect(response.status).toBe(200);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    // The first state arrives; then the link is withdrawn, which ends the stream.
    while (!text.includes('event: state')) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the stream ended before its first state');
      text += value;
    }
    await revokeJoinLink(suite.world.staff, live.id);
    const before = text.length;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    const after = text.slice(before);
    expect(after).toMatch(/event: error\ndata: .*"code":"LINK_REVOKED"/);
    expect(after).toContain(`"clinicPhone":"${CLINIC_PHONE}"`);
    expect(after).not.toContain('event: state');
    expectNothingRevealed(after, live);
  });
});

describe('a dead guest link', () => {
  it('withdrawn: 410 LINK_REVOKED on the join routes and the token route, with the clinic’s phone', async () => {
    const live = await liveSession();
    const guest = tokenOf((await createGuestLink(suite.world.clinician, live.id)).url);
    await db().guestLink.updateMany({
      where: { session: { appointmentId: live.id } },
      data: { revokedAt: new Date() },
    });
    const state = await joinState(asLink(guest, '/api/video/join', 'GET'), none);
    expect(state.status).toBe(410);
    const text = await state.text();
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'LINK_REVOKED', clinicPhone: CLINIC_PHONE } });
    expectNothingRevealed(text, live);
    const token = await videoToken(
      jsonRequest(`${suite.services.appUrl}/api/appointments/${live.id}/video-token`, {
        body: { token: guest },
      }),
      { params: Promise.resolve({ id: live.id }) },
    );
    expect(token.status).toBe(410);
    expect(await token.json()).toMatchObject({ error: { code: 'LINK_REVOKED' } });
  });
});

describe('the clinic phone on a dead link', () => {
  it('is the number an admin saved, and none once they clear it', async () => {
    const live = await liveSession();
    await revokeJoinLink(suite.world.staff, live.id);
    try {
      await updateClinicPhone(suite.world.admin, { contactPhone: '1300 555 000' });
      expect(await getJoinPage(live.token)).toMatchObject({ kind: 'dead', clinicPhone: '1300 555 000' });
      await updateClinicPhone(suite.world.admin, { contactPhone: '' });
      const response = await joinState(asLink(live.token, '/api/video/join', 'GET'), none);
      expect(await response.json()).toMatchObject({ error: { code: 'LINK_REVOKED', clinicPhone: null } });
    } finally {
      await updateClinicPhone(suite.world.admin, { contactPhone: CLINIC_PHONE });
    }
  });

  it('can be changed only by someone who manages settings', async () => {
    await expect(
      updateClinicPhone(suite.world.staff, { contactPhone: '02 9000 0000' }),
    ).rejects.toMatchObject({
      status: 403,
    });
  });
});
