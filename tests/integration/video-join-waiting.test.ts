// The patient's and guest's side (join links, consent, waiting room, event
// stream) and the clinician's actions on it, against the emulator and a real
// database. The patient is only ever identified by the token in their link.
import pg from 'pg';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { databaseUrl, db } from '@/lib/db/client';
import { getJoinUrl } from '@/lib/reminders/sending/get-join-url';
import { admitPatient, declinePatient } from '@/lib/video/waiting-room/admit-patient';
import { createDemoJoinLink } from '@/lib/video/links/create-demo-join-link';
import { createGuestLink } from '@/lib/video/links/create-guest-link';
import { endSessionForEveryone } from '@/lib/video/rooms/end-video-session';
import { getVideoPanel } from '@/lib/video/rooms/get-video-panel';
import { markNoShow } from '@/lib/video/attendance/mark-no-show';
import { postWaitingRoomMessage } from '@/lib/video/waiting-room/post-waiting-room-message';
import { getOrCreateJoinLink, regenerateJoinLink } from '@/lib/video/links/regenerate-join-link';
import { revokeJoinLink } from '@/lib/video/links/revoke-join-link';
import { closeNotifyListener } from '@/lib/db/notify-listener';
import { jsonRequest } from '@/tests/helpers/video-fixtures';
import { setUpVideoSuite, signedIn } from '@/tests/helpers/video-suite';

vi.mock('@/lib/auth/current-user', () => import('@/tests/helpers/signed-in-user'));

const { POST: videoToken } = await import('@/app/api/appointments/[id]/video-token/route');
const { GET: joinState } = await import('@/app/api/video/join/route');
const { POST: consent } = await import('@/app/api/video/join/consent/route');
const waitingRoom = await import('@/app/api/video/join/waiting-room/route');
const { GET: joinEvents } = await import('@/app/api/video/join/events/route');
const { GET: staffEvents } = await import('@/app/api/appointments/[id]/video-events/route');

const suite = setUpVideoSuite({ closeFirst: [closeNotifyListener] });
beforeEach(() => {
  signedIn.user = null;
});

const tokenOf = (url: string) => url.split('/join/')[1]!;
const none = { params: Promise.resolve({}) };

function asPatient(token: string, path: string, options: { method?: string; body?: unknown } = {}) {
  const method = options.method ?? 'POST';
  return jsonRequest(`${suite.services.appUrl}${path}`, {
    method,
    body: options.body ?? (method === 'GET' ? undefined : {}),
    headers: { authorization: `Bearer ${token}` },
  });
}

async function requestToken(appointmentId: string, linkToken?: string) {
  return videoToken(
    jsonRequest(`${suite.services.appUrl}/api/appointments/${appointmentId}/video-token`, {
      body: linkToken ? { token: linkToken } : {},
    }),
    { params: Promise.resolve({ id: appointmentId }) },
  );
}

async function consentAndWait(token: string) {
  const c = await consent(
    asPatient(token, '/api/video/join/consent', {
      body: { consentToTelehealth: true, location: 'IN_AUSTRALIA' },
    }),
    none,
  );
  expect(c.status).toBe(200);
  const w = await waitingRoom.POST(asPatient(token, '/api/video/join/waiting-room'), none);
  expect(w.status).toBe(200);
  return (await w.json()) as { status: string; since: string };
}

/** Reads server-sent events from a streaming response. */
function sseReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(timeoutMs = 5000): Promise<{ event: string; data: unknown }> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) return { event, data: JSON.parse(data) };
          continue;
        }
        const chunk = await Promise.race([
          reader.read(),
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error('no event in time')), Math.max(1, deadline - Date.now())),
          ),
        ]);
        if (chunk.done) throw new Error('stream ended');
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
}

describe('join links', () => {
  it('gives each telehealth appointment an unguessable link for that appointment only, which staff can copy again', async () => {
    const id = await suite.appointment({ startsInMinutes: 10 });
    const link = await getOrCreateJoinLink(suite.world.staff, id);
    expect(link.url).toMatch(new RegExp(`^${suite.services.appUrl}/join/jl_[a-z0-9]+\\.[A-Za-z0-9_-]{43}$`));
    expect(link.url).not.toContain(id);
    expect((await getOrCreateJoinLink(suite.world.staff, id)).url).toBe(link.url);
    const state = await joinState(
      asPatient(tokenOf(link.url), '/api/video/join', { method: 'GET', body: undefined }),
      none,
    );
    expect(state.status).toBe(200);
    expect(await state.json()).toMatchObject({ appointmentId: id, role: 'patient', linkRevoked: false });
  });

  it('makes exactly one first link when many ask at once (reminders going out together), and revokes none', async () => {
    const id = await suite.appointment({ startsInMinutes: 10 });
    const urls = await Promise.all(Array.from({ length: 20 }, () => getJoinUrl(id)));
    expect(new Set(urls).size).toBe(1);
    const rows = await db().joinLink.findMany({ where: { session: { appointmentId: id } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.revokedAt).toBeNull();
    // Staff copying it get the same link; only "Make a new link" replaces it.
    expect((await getOrCreateJoinLink(suite.world.staff, id)).url).toBe(urls[0]);
  });

  it('refuses a link whose signature was altered, without saying which part was wrong (404)', async () => {
    const id = await suite.appointment({ startsInMinutes: 10 });
    const token = tokenOf((await getOrCreateJoinLink(suite.world.staff, id)).url);
    const i = token.length - 10; // inside the signature
    const forged = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
    const response = await joinState(asPatient(forged, '/api/video/join', { method: 'GET' }), none);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error: { message: expect.stringContaining("couldn't recognise this link") },
    });
  });

  it('stops the old link working when staff regenerate it (410), and the new one works', async () => {
    const id = await suite.appointment({ startsInMinutes: 5 });
    const old = tokenOf((await getOrCreateJoinLink(suite.world.staff, id)).url);
    const fresh = await regenerateJoinLink(suite.world.staff, id);
    expect(tokenOf(fresh.url)).not.toBe(old);
    const refused = await consent(
      asPatient(old, '/api/video/join/consent', {
        body: { consentToTelehealth: true, location: 'IN_AUSTRALIA' },
      }),
      none,
    );
    expect(refused.status).toBe(410);
    expect(await refused.json()).toMatchObject({ error: { code: 'LINK_REPLACED' } });
    await consentAndWait(tokenOf(fresh.url));
  });

  it('can be revoked by staff, after which it is refused', async () => {
    const id = await suite.appointment({ startsInMinutes: 5 });
    const token = tokenOf((await getOrCreateJoinLink(suite.world.staff, id)).url);
    expect(await revokeJoinLink(suite.world.staff, id)).toEqual({ revoked: 1 });
    const response = await waitingRoom.POST(asPatient(token, '/api/video/join/waiting-room'), none);
    expect(response.status).toBe(410);
  });

  it('cannot be used for another appointment (403)', async () => {
    const a = await suite.appointment({ startsInMinutes: 5 });
    const b = await suite.appointment({ startsInMinutes: 5 });
    const token = tokenOf((await getOrCreateJoinLink(suite.world.staff, a)).url);
    const response = await requestToken(b, token);
    expect(response.status).toBe(403);
  });

  it('is not managed by a clinician for another clinician’s appointment (404)', async () => {
    const id = await suite.appointment({ startsInMinutes: 5 });
    await expect(regenerateJoinLink(suite.world.otherClinician, id)).rejects.toMatchObject({ status: 404 });
  });

  it('createDemoJoinLink returns a working link for the seed to print', async () => {
    const id = await suite.appointment({ startsInMinutes: 120 });
    const url = await createDemoJoinLink(id);
    const response = await joinState(asPatient(tokenOf(url), '/api/video/join', { method: 'GET' }), none);
    expect(await response.json()).toMatchObject({ appointmentId: id, role: 'patient' });
  });
});

describe('consent and the waiting room', () => {
  it('requires consent and location before waiting, and stores them with the session', async () => {
    const id = await suite.appointment({ startsInMinutes: 5 });
    const token = tokenOf((await getOrCreateJoinLink(suite.world.staff, id)).url);
    const early = await waitingRoom.POST(asPatient(token, '/api/video/join/waiting-room'), none);
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ error: { reason: 'CONSENT_NEEDED' } });

    const missing = await consent(
      asPatient(token, '/api/video/join/consent', { body: { consentToTelehealth: true } }),
      none,
    );
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({
      error: { fields: { location: [expect.stringContaining('Australia')] } },
    });

    const ok = await consent(
      asPatient(token, '/api/video/join/consent', {
        body: { consentToTelehealth: true, location: 'OUTSIDE_AUSTRALIA' },
      }),
      none,
    );
    expect(ok.status).toBe(200);
    const session = await db().videoSession.findUniqueOrThrow({ where: { appointmentId: id } });
    expect(session).toMatchObject({ patientLocation: 'OUTSIDE_AUSTRALIA' });
    expect(session.patientConsentAt).toBeInstanceOf(Date);
  });

  it('gives the patient a token only once the clinician admits them', async () => {
    const id = await suite.appointment({ startsInMinutes: 5 });
    const token = tokenOf((await getOrCreateJoinLink(suite.world.staff, id)).url);
    expect((await consentAndWait(token)).status).toBe('WAITING');

    const waiting = await requestToken(id, token);
    expect(waiting.status).toBe(409);
    expect(await waiting.json()).toMatchObject({ error: { reason: 'NOT_ADMITTED' } });

    await admitPatient(suite.world.clinician, id);
    const admitted = await requestToken(id, token);
    expect(admitted.status).toBe(200);
    const body = (await admitted.json()) as {
      role: string;
      identity: string;
      token: string;
      roomSid: string;
    };
    expect(body.role).toBe('patient');
    expect(body.identity).toMatch(/^patient:/);
  });

  it('refuses a declined patient (403) and does not put them back in the waiting room', async () => {
    const id = await suite.appointment({ startsInMinutes: 5 });
    const token = tokenOf((await getOrCreateJoinLink(suite.world.staff, id)).url);
    await consentAndWait(token);
    await declinePatient(suite.world.clinician, id);
    expect((await requestToken(id, token)).status).toBe(403);
    expect((await waitingRoom.POST(asPatient(token, '/api/video/join/waiting-room'), none)).status).toBe(403);
  });

  it('lets only the appointment’s clinician admit (staff get 403)', async () => {
    const id = await suite.appointment({ startsInMinutes: 5 });
    const token = tokenOf((await getOrCreateJoinLink(suite.world.staff, id)).url);
    await consentAndWait(token);
    await expect(admitPatient(suite.world.staff, id)).rejects.toMatchObject({ status: 403 });
  });

  it('marks the patient left when they leave, and lets them wait again', async () => {
    const id = await suite.appointment({ startsInMinutes: 5 });
    const token = tokenOf((await getOrCreateJoinLink(suite.world.staff, id)).url);
    await consentAndWait(token);
    const left = await waitingRoom.DELETE(
      asPatient(token, '/api/video/join/waiting-room', { method: 'DELETE' }),
      none,
    );
    expect(await left.json()).toEqual({ status: 'LEFT' });
    expect((await consentAndWait(token)).status).toBe('WAITING');
  });
});

describe('waiting-room events', () => {
  it('tells the waiting patient, over server-sent events, of a message and of being admitted', async () => {
    const id = await suite.appointment({ startsInMinutes: 5 });
    const token = tokenOf((await getOrCreateJoinLink(suite.world.staff, id)).url);
    await consentAndWait(token);
    const abort = new AbortController();
    const response = await joinEvents(
      new (await import('next/server')).NextRequest(`${suite.services.appUrl}/api/video/join/events`, {
        headers: { authorization: `Bearer ${token}` },
        signal: abort.signal,
      }),
      none,
    );
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const events = sseReader(response);
    expect(await events.next()).toMatchObject({
      event: 'state',
      data: { waiting: { status: 'WAITING' }, messages: [] },
    });

    await postWaitingRoomMessage(suite.world.staff, id, { body: 'Running five minutes late, sorry.' });
    expect(await events.next()).toMatchObject({
      data: { messages: [{ body: 'Running five minutes late, sorry.' }] },
    });

    await admitPatient(suite.world.clinician, id);
    expect(await events.next()).toMatchObject({ data: { waiting: { status: 'ADMITTED' } } });
    abort.abort();
    await events.cancel();
  });

  it('hears a change committed by another server instance (NOTIFY from another connection)', async () => {
    const id = await suite.appointment({ startsInMinutes: 5 });
    const token = tokenOf((await getOrCreateJoinLink(suite.world.staff, id)).url);
    await consentAndWait(token);
    const response = await joinEvents(
      new (await import('next/server')).NextRequest(`${suite.services.appUrl}/api/video/join/events`, {
        headers: { authorization: `Bearer ${token}` },
      }),
      none,
    );
    const events = sseReader(response);
    await events.next();

    // Another instance: its own connection, its own transaction, the same NOTIFY.
    const other = new pg.Client({ connectionString: databaseUrl() });
    await other.connect();
    const session = await db().videoSession.findUniqueOrThrow({ where: { appointmentId: id } });
    await other.query('BEGIN');
    await other.query(
      `UPDATE "WaitingRoomEntry" SET status = 'ADMITTED', "admittedAt" = now() WHERE "sessionId" = $1`,
      [session.id],
    );
    await other.query(`SELECT pg_notify('video_session', $1)`, [
      JSON.stringify({ s: session.id, c: 'waiting' }),
    ]);
    await other.query('COMMIT');
    await other.end();

    expect(await events.next()).toMatchObject({ data: { waiting: { status: 'ADMITTED' } } });
    await events.cancel();
  });

  it('shows the clinician the waiting patient on the staff stream', async () => {
    const id = await suite.appointment({ startsInMinutes: 5 });
    const token = tokenOf((await getOrCreateJoinLink(suite.world.staff, id)).url);
    signedIn.user = suite.world.clinician;
    const response = await staffEvents(
      new (await import('next/server')).NextRequest(
        `${suite.services.appUrl}/api/appointments/${id}/video-events`,
      ),
      { params: Promise.resolve({ id }) },
    );
    const events = sseReader(response);
    expect(await events.next()).toMatchObject({ data: { waiting: null, can: { host: true } } });
    await consent(
      asPatient(token, '/api/video/join/consent', {
        body: { consentToTelehealth: true, location: 'IN_AUSTRALIA' },
      }),
      none,
    );
    expect(await events.next()).toMatchObject({ data: { consent: { location: 'IN_AUSTRALIA' } } });
    await waitingRoom.POST(asPatient(token, '/api/video/join/waiting-room'), none);
    expect(await events.next()).toMatchObject({ data: { waiting: { status: 'WAITING' } } });
    await events.cancel();
  });

  it('refuses the staff stream to a clinician of another appointment (404)', async () => {
    const id = await suite.appointment({ startsInMinutes: 5 });
    signedIn.user = suite.world.otherClinician;
    const response = await staffEvents(
      new (await import('next/server')).NextRequest(
        `${suite.services.appUrl}/api/appointments/${id}/video-events`,
      ),
      { params: Promise.resolve({ id }) },
    );
    expect(response.status).toBe(404);
  });
});

describe('guest links', () => {
  it('work once: the first use gets a token and a rejoin key, the link then answers 410, the key still works', async () => {
    const id = await suite.appointment({ startsInMinutes: 5 });
    const guest = tokenOf((await createGuestLink(suite.world.clinician, id)).url);
    expect(guest).toMatch(/^gl_/);

    const first = await requestToken(id, guest);
    expect(first.status).toBe(200);
    const body = (await first.json()) as { role: string; identity: string; rejoinKey: string };
    expect(body.role).toBe('guest');
    expect(body.identity).toMatch(/^guest:/);
    expect(body.rejoinKey).toMatch(/^gk_/);

    const again = await requestToken(id, guest);
    expect(again.status).toBe(410);
    const rejoin = await requestToken(id, body.rejoinKey);
    expect(rejoin.status).toBe(200);
    expect(((await rejoin.json()) as { identity: string }).identity).toBe(body.identity);
  });

  it('can only be made by the appointment’s clinician', async () => {
    const id = await suite.appointment({ startsInMinutes: 5 });
    await expect(createGuestLink(suite.world.staff, id)).rejects.toMatchObject({ status: 403 });
  });
});

describe('ending a session', () => {
  it('"end session for everyone" completes the room at Twilio and sends the admitted patient out', async () => {
    const id = await suite.appointment({ startsInMinutes: -5 });
    const token = tokenOf((await getOrCreateJoinLink(suite.world.staff, id)).url);
    await consentAndWait(token);
    await admitPatient(suite.world.clinician, id);
    const { roomSid } = (await (await requestToken(id, token)).json()) as { roomSid: string };

    expect(await endSessionForEveryone(suite.world.clinician, id)).toEqual({ roomsEnded: 1 });
    expect(suite.services.emulator.rooms().find((r) => r.sid === roomSid)!.status).toBe('completed');
    const refused = await requestToken(id, token);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { reason: 'SESSION_ENDED' } });

    // The clinician can start again: a new room, and the patient must be admitted again.
    signedIn.user = suite.world.clinician;
    const restarted = (await (await requestToken(id)).json()) as { roomSid: string };
    expect(restarted.roomSid).not.toBe(roomSid);
    expect((await requestToken(id, token)).status).toBe(409);
  });

  it('"no-show" marks the appointment NO_SHOW and closes its video session', async () => {
    const id = await suite.appointment({ startsInMinutes: -10 });
    const token = tokenOf((await getOrCreateJoinLink(suite.world.staff, id)).url);
    expect(await markNoShow(suite.world.clinician, id)).toEqual({ changed: true });
    expect((await db().appointment.findUniqueOrThrow({ where: { id } })).status).toBe('NO_SHOW');
    const response = await requestToken(id, token);
    expect(response.status).toBe(410);
  });

  it('refuses "no-show" before the appointment has started', async () => {
    const id = await suite.appointment({ startsInMinutes: 10 });
    await expect(markNoShow(suite.world.clinician, id)).rejects.toMatchObject({ status: 409 });
  });
});

describe('staff panel state', () => {
  it('shows the link, consent, waiting state and messages to reception, and hosting rights only to the clinician', async () => {
    const id = await suite.appointment({ startsInMinutes: 5 });
    const token = tokenOf((await getOrCreateJoinLink(suite.world.staff, id)).url);
    await consentAndWait(token);
    await postWaitingRoomMessage(suite.world.clinician, id, { body: 'Be right there.' });
    const forStaff = await getVideoPanel(suite.world.staff, id);
    expect(forStaff).toMatchObject({
      can: { host: false, manageLinks: true, sendLink: true, message: true },
      consent: { location: 'IN_AUSTRALIA' },
      waiting: { status: 'WAITING' },
      messages: [{ body: 'Be right there.' }],
    });
    expect(forStaff.joinLink!.url).toContain(token);
    expect((await getVideoPanel(suite.world.clinician, id)).can).toMatchObject({
      host: true,
      sendLink: false,
    });
    await expect(getVideoPanel(suite.world.otherClinician, id)).rejects.toMatchObject({ status: 404 });
  });
});
