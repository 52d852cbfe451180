// The server side of the join page and the dashboard's waiting list: what the
// join page's first screen is told, the connection-test token, and the
// waiting list in each user's scope, against a real database.
import { beforeAll, describe, expect, it, vi } from 'vitest';

import { db } from '@/lib/db/client';
import { admitPatient } from '@/lib/video/waiting-room/admit-patient';
import { createDemoJoinLink } from '@/lib/video/links/create-demo-join-link';
import { createGuestLink } from '@/lib/video/links/create-guest-link';
import { getJoinPage } from '@/lib/video/links/get-join-page';
import { getWaitingList } from '@/lib/video/waiting-room/get-waiting-list';
import { closeNotifyListener } from '@/lib/db/notify-listener';
import { jsonRequest, twilioTestCredentials } from '@/tests/helpers/video-fixtures';
import { setUpVideoSuite } from '@/tests/helpers/video-suite';

vi.mock('@/lib/auth/current-user', () => import('@/tests/helpers/signed-in-user'));

const { POST: preflightToken } = await import('@/app/api/video/join/preflight-token/route');
const { POST: consent } = await import('@/app/api/video/join/consent/route');
const waitingRoom = await import('@/app/api/video/join/waiting-room/route');

const none = { params: Promise.resolve({}) };
const tokenOf = (url: string) => url.split('/join/')[1]!;

const suite = setUpVideoSuite({ closeFirst: [closeNotifyListener] });
beforeAll(async () => {
  await db().patient.update({ where: { id: suite.world.patientId }, data: { timezone: 'Australia/Perth' } });
});

function asLink(token: string, path: string, body: unknown = {}) {
  return jsonRequest(`${suite.services.appUrl}${path}`, {
    body,
    headers: { authorization: `Bearer ${token}` },
  });
}

describe('the join page', () => {
  it('shows the clinic, the clinician’s first name and the patient’s timezone, and nothing about the patient', async () => {
    const appointmentId = await suite.appointment({ startsInMinutes: 10 });
    const token = tokenOf(await createDemoJoinLink(appointmentId));
    const page = await getJoinPage(token);
    expect(page.kind).toBe('ok');
    if (page.kind !== 'ok') return;
    expect(page.facts.clinicianFirstName).toBe('Test');
    expect(page.facts.clinicName).toMatch(/^Video clinic/);
    expect(page.facts.timeZone).toBe('Australia/Perth');
    expect(page.facts.state.appointmentId).toBe(appointmentId);
    expect(JSON.stringify(page)).not.toContain('Pat');
    expect(JSON.stringify(page)).not.toContain('+61');
  });

  it('says a token it does not know is not recognised, without saying why', async () => {
    expect(await getJoinPage('jl_nothing.c2lnbmF0dXJl')).toMatchObject({ kind: 'not-recognised' });
    expect(await getJoinPage('garbage')).toMatchObject({ kind: 'not-recognised' });
  });

  it('gives a connection-test token that opens no real room, and none once the appointment is cancelled', async () => {
    const appointmentId = await suite.appointment({ startsInMinutes: 10 });
    const token = tokenOf(await createDemoJoinLink(appointmentId));
    const response = await preflightToken(asLink(token, '/api/video/join/preflight-token'), none);
    expect(response.status).toBe(200);
    const { token: jwt } = (await response.json()) as { token: string };
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as {
      exp: number;
      iss: string;
      grants: { identity: string; video: { room: string } };
    };
    expect(payload.iss).toBe(twilioTestCredentials.apiKey);
    expect(payload.grants.video.room).toMatch(/^preflight-[0-9a-f]{24}$/);
    expect(payload.grants.identity).toMatch(/^preflight:/);
    expect(payload.exp - Date.now() / 1000).toBeLessThanOrEqual(301);
    const rooms = await db().videoRoom.count({ where: { session: { appointmentId } } });
    expect(rooms).toBe(0);

    await db().appointment.update({ where: { id: appointmentId }, data: { status: 'CANCELLED' } });
    expect((await preflightToken(asLink(token, '/api/video/join/preflight-token'), none)).status).toBe(410);
    expect(
      (
        await preflightToken(
          jsonRequest(`${suite.services.appUrl}/api/video/join/preflight-token`, { body: {} }),
          none,
        )
      ).status,
    ).toBe(401);
  });
});

describe('the waiting list', () => {
  it('lists today’s telehealth sessions in the user’s scope, with who is waiting', async () => {
    const appointmentId = await suite.appointment({ startsInMinutes: 5 });
    const inPerson = await suite.appointment({ startsInMinutes: 6, kind: 'IN_PERSON' });
    const token = tokenOf(await createDemoJoinLink(appointmentId));
    await consent(
      asLink(token, '/api/video/join/consent', { consentToTelehealth: true, location: 'IN_AUSTRALIA' }),
      none,
    );
    await waitingRoom.POST(asLink(token, '/api/video/join/waiting-room'), none);

    const mine = await getWaitingList(suite.world.clinician);
    const item = mine.items.find((i) => i.appointmentId === appointmentId)!;
    expect(item).toMatchObject({
      consent: true,
      waiting: { status: 'WAITING' },
      can: { host: true, message: true },
    });
    expect(item.patientName).toMatch(/^Pat Video/);
    expect(mine.items.some((i) => i.appointmentId === inPerson)).toBe(false);

    // Another clinician does not see it; reception sees it but cannot host.
    expect(
      (await getWaitingList(suite.world.otherClinician)).items.some((i) => i.appointmentId === appointmentId),
    ).toBe(false);
    const reception = (await getWaitingList(suite.world.staff)).items.find(
      (i) => i.appointmentId === appointmentId,
    )!;
    expect(reception.can).toEqual({ host: false, message: true, markNoShow: true });

    await admitPatient(suite.world.clinician, appointmentId);
    await createGuestLink(suite.world.clinician, appointmentId);
    const after = (await getWaitingList(suite.world.clinician)).items.find(
      (i) => i.appointmentId === appointmentId,
    )!;
    expect(after.waiting?.status).toBe('ADMITTED');
  });
});
