// Live event streams follow the session, not only the moment they opened: a
// staff stream ends once its session is signed out, revoked, deactivated or
// idle, and sends nothing after; a patient's stream ends with what happened
// when their link dies, however it dies. Streams are read through the route
// handlers or the stream functions, with an injected clock and tick where the
// end depends on time; tests wait for the stream to end, never for a duration.
import { NextRequest } from 'next/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { cancelAppointment } from '@/lib/appointments/cancel-appointment';
import { revokeAuthSession, revokeUserSessions } from '@/lib/auth/revoke-auth-session';
import { IDLE_TIMEOUT_MS } from '@/lib/auth/session-policy';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { closeNotifyListener } from '@/lib/db/notify-listener';
import { setUserActive } from '@/lib/users/set-user-active';
import { getJoinState } from '@/lib/video/links/get-join-state';
import { getVideoPanel } from '@/lib/video/rooms/get-video-panel';
import { getWaitingList } from '@/lib/video/waiting-room/get-waiting-list';
import { getOrCreateJoinLink, regenerateJoinLink } from '@/lib/video/links/regenerate-join-link';
import { resolveLinkPrincipal } from '@/lib/video/access/resolve-link-principal';
import { revokeJoinLink } from '@/lib/video/links/revoke-join-link';
import { sessionStreamGuard } from '@/lib/video/events/stream-guard';
import { videoEventStream } from '@/lib/video/events/video-event-stream';
import { waitingListStream } from '@/lib/video/events/waiting-list-stream';
import { jsonRequest, MIN } from '@/tests/helpers/video-fixtures';
import { setUpVideoSuite, signedIn } from '@/tests/helpers/video-suite';

vi.mock('@/lib/auth/current-user', () => import('@/tests/helpers/signed-in-user'));

const { GET: staffEvents } = await import('@/app/api/appointments/[id]/video-events/route');
const { GET: waitingListEvents } = await import('@/app/api/video/staff/waiting-list/events/route');
const { POST: consent } = await import('@/app/api/video/join/consent/route');
const waitingRoom = await import('@/app/api/video/join/waiting-room/route');

/** Long enough that only a notice, never the tick, can end a stream within a test. */
const NEVER_MS = 24 * 60 * MIN;
const none = { params: Promise.resolve({}) };
const tokenOf = (url: string) => url.split('/join/')[1]!;

const suite = setUpVideoSuite({ ignoreCallbacks: true, closeFirst: [closeNotifyListener] });
beforeEach(() => {
  signedIn.user = null;
});

/** A staff member of the world's clinic with a fresh session of their own (so ending it affects no other test). */
async function signInStaff(role: 'STAFF' | 'CLINICIAN' = 'STAFF', now = new Date()): Promise<SessionUser> {
  const base = role === 'CLINICIAN' ? suite.world.clinician : suite.world.staff;
  const user =
    role === 'CLINICIAN'
      ? base
      : await db().user.create({
          data: {
            clinicId: suite.world.clinicId,
            email: `stream.${Math.random().toString(36).slice(2)}@example.test`,
            name: 'Stream Staff',
            role: 'STAFF',
            passwordHash: 'not-a-real-hash',
          },
        });
  const session = await db().authSession.create({
    data: {
      userId: user.id,
      mfaPending: false,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 12 * 60 * MIN),
    },
  });
  return { ...base, id: user.id, sessionId: session.id };
}

/** Reads a stream's text as it arrives; every wait is for something to appear or for the end. */
function streamText(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  let ended = false;
  const readMore = async () => {
    const { value, done } = await reader.read();
    if (done) ended = true;
    else text += value;
  };
  return {
    get text() {
      return text;
    },
    async until(fragment: string): Promise<number> {
      while (!text.includes(fragment)) {
        if (ended) throw new Error(`the stream ended before "${fragment}"`);
        await readMore();
      }
      return text.length;
    },
    async end(): Promise<string> {
      while (!ended) await readMore();
      return text;
    },
  };
}

async function consentAndWait(token: string) {
  const asLink = (path: string, body: unknown) =>
    jsonRequest(`${suite.services.appUrl}${path}`, { body, headers: { authorization: `Bearer ${token}` } });
  expect(
    (
      await consent(
        asLink('/api/video/join/consent', { consentToTelehealth: true, location: 'IN_AUSTRALIA' }),
        none,
      )
    ).status,
  ).toBe(200);
  expect((await waitingRoom.POST(asLink('/api/video/join/waiting-room', {}), none)).status).toBe(200);
}

describe('a staff event stream', () => {
  it('through the panel route: ends when the person signs out, and sends nothing about the patient after', async () => {
    const id = await suite.appointment({ startsInMinutes: 5 });
    const token = tokenOf((await getOrCreateJoinLink(suite.world.staff, id)).url);
    const clinician = await signInStaff('CLINICIAN');
    signedIn.user = clinician;
    const response = await staffEvents(
      new NextRequest(`${suite.services.appUrl}/api/appointments/${id}/video-events`),
      { params: Promise.resolve({ id }) },
    );
    expect(response.status).toBe(200);
    const stream = streamText(response);
    const before = await stream.until('event: state');

    await revokeAuthSession(clinician.sessionId, new Date());
    // The patient arrives just after: the stream must not show it.
    await consentAndWait(token);

    const after = (await stream.end()).slice(before);
    expect(after).not.toContain('event: state');
    expect(after).not.toContain('IN_AUSTRALIA');
    expect(after).not.toContain('WAITING');
  });

  it('through the waiting-list route: ends when the session is revoked elsewhere (a password change)', async () => {
    const staff = await signInStaff();
    signedIn.user = staff;
    const response = await waitingListEvents(
      new NextRequest(`${suite.services.appUrl}/api/video/staff/waiting-list/events`),
      none,
    );
    expect(response.status).toBe(200);
    const stream = streamText(response);
    const before = await stream.until('event: state');
    await revokeUserSessions(staff.id, new Date());
    expect((await stream.end()).slice(before)).not.toContain('event: state');
  });

  it('ends at once when the person is deactivated, by the notice alone (no tick in time)', async () => {
    const staff = await signInStaff();
    const controller = new AbortController();
    const stream = streamText(
      waitingListStream(controller.signal, () => getWaitingList(staff), {
        guard: sessionStreamGuard(staff, { everyMs: NEVER_MS }),
        refreshMs: NEVER_MS,
      }),
    );
    const before = await stream.until('event: state');
    const result = await setUserActive(suite.world.admin, { userId: staff.id, active: false });
    const committed = performance.now();
    expect(result.changed).toBe(true);
    expect((await stream.end()).slice(before)).not.toContain('event: state');
    // For the notes: how long the notice took to close the stream here.
    process.stdout.write(
      `session_ended: stream closed ${(performance.now() - committed).toFixed(1)} ms after deactivation\n`,
    );
  });

  it('ends at once on sign-out by the notice alone, for the panel stream too', async () => {
    const id = await suite.appointment({ startsInMinutes: 5 });
    const clinician = await signInStaff('CLINICIAN');
    await getOrCreateJoinLink(suite.world.staff, id);
    const { id: sessionId } = await db().videoSession.findFirstOrThrow({
      where: { appointmentId: id },
      select: { id: true },
    });
    const stream = streamText(
      videoEventStream({
        sessionId,
        signal: new AbortController().signal,
        readState: () => getVideoPanel(clinician, id),
        guard: sessionStreamGuard(clinician, { everyMs: NEVER_MS }),
        refreshMs: NEVER_MS,
      }),
    );
    const before = await stream.until('event: state');
    await revokeAuthSession(clinician.sessionId, new Date());
    const committed = performance.now();
    expect((await stream.end()).slice(before)).not.toContain('event: state');
    process.stdout.write(
      `session_ended: stream closed ${(performance.now() - committed).toFixed(1)} ms after sign-out\n`,
    );
  });

  it('ends on its tick once the session has been idle for the limit, and its own checks never count as activity', async () => {
    const start = new Date();
    const staff = await signInStaff('STAFF', start);
    let clock = start;
    let ticks = 0;
    const guard = sessionStreamGuard(staff, { now: () => clock, everyMs: 10 });
    const counted = { ...guard, allowed: () => (ticks++, guard.allowed()) };
    const stream = streamText(
      waitingListStream(new AbortController().signal, () => getWaitingList(staff), {
        guard: counted,
        refreshMs: NEVER_MS,
      }),
    );
    const before = await stream.until('event: state');
    // Checks while the session is young leave the stream open (an ended stream stops its
    // tick, so the count would stall and this wait would fail).
    clock = new Date(start.getTime() + 10 * MIN);
    const seen = ticks;
    while (ticks < seen + 5) await new Promise((resolve) => setTimeout(resolve, 5));

    // 30 minutes after the last request, with nothing but the open stream meanwhile.
    clock = new Date(start.getTime() + IDLE_TIMEOUT_MS);
    expect((await stream.end()).slice(before)).not.toContain('event: state');
    const row = await db().authSession.findUniqueOrThrow({
      where: { id: staff.sessionId },
      select: { lastSeenAt: true },
    });
    expect(row.lastSeenAt.getTime()).toBe(start.getTime());
  });
});

describe("a patient's event stream", () => {
  type Live = { id: string; token: string };
  async function waitingPatient(): Promise<Live> {
    const id = await suite.appointment({ startsInMinutes: 5 });
    const token = tokenOf((await getOrCreateJoinLink(suite.world.staff, id)).url);
    await consentAndWait(token);
    return { id, token };
  }
  /**
   * The join events route's stream, with the tick given (the route's own is 15 s). `died()` marks
   * the moment the link's death has committed: any read that starts afterwards and still
   * succeeds is counted, since its state would reach a patient whose link no longer works.
   */
  async function patientStream(live: Live, refreshMs: number) {
    const principal = await resolveLinkPrincipal(live.token);
    let dead = false;
    let readsAfterDeath = 0;
    const stream = streamText(
      videoEventStream({
        sessionId: principal.sessionId,
        signal: new AbortController().signal,
        readState: async () => {
          const afterDeath = dead;
          const state = await getJoinState(await resolveLinkPrincipal(live.token));
          if (afterDeath) readsAfterDeath++;
          return state;
        },
        refreshMs,
      }),
    );
    const before = await stream.until('event: state');
    return {
      died: () => void (dead = true),
      async expectEndsWith(code: string) {
        const all = await stream.end();
        expect(readsAfterDeath).toBe(0);
        // The last thing sent says what happened, and nothing about the appointment.
        const last = all.slice(all.lastIndexOf('\n\n', all.length - 3) + 2);
        expect(last).toMatch(new RegExp(`^event: error\ndata: .*"code":"${code}"`));
        expect(last).not.toContain('IN_AUSTRALIA');
        // With no tick (notice only), nothing at all came between the first state and the end.
        if (refreshMs === NEVER_MS) expect(all.slice(before)).not.toContain('event: state');
      },
    };
  }

  // Each way a waiting patient's link dies: the stream's tick (NEVER_MS: the notice alone), the
  // change, and the code the stream ends with.
  const endings: Array<[string, number, (live: Live) => Promise<unknown>, string]> = [
    [
      'ends with LINK_REVOKED when staff withdraw the link while the patient waits',
      NEVER_MS,
      (live) => revokeJoinLink(suite.world.staff, live.id),
      'LINK_REVOKED',
    ],
    [
      'ends with LINK_REPLACED when staff send a new link while the patient waits',
      NEVER_MS,
      (live) => regenerateJoinLink(suite.world.staff, live.id),
      'LINK_REPLACED',
    ],
    [
      'ends at once with APPOINTMENT_CANCELLED when staff cancel the appointment while the patient waits',
      NEVER_MS,
      (live) => cancelAppointment(suite.world.staff, live.id, {}, { notifyPatient: false }),
      'APPOINTMENT_CANCELLED',
    ],
    [
      'ends with APPOINTMENT_CANCELLED on its tick when the appointment is cancelled without a notice',
      10,
      (live) => db().appointment.update({ where: { id: live.id }, data: { status: 'CANCELLED' } }),
      'APPOINTMENT_CANCELLED',
    ],
    [
      'ends with LINK_EXPIRED when the window closes while the patient waits, with nobody changing anything',
      10,
      (live) => {
        // The window's end, reached by moving the appointment back rather than waiting two hours.
        const endsAt = new Date(Date.now() - 121 * MIN);
        return db().appointment.update({
          where: { id: live.id },
          data: { startsAt: new Date(endsAt.getTime() - 50 * MIN), endsAt },
        });
      },
      'LINK_EXPIRED',
    ],
  ];

  it.each(endings)('%s', async (_name, refreshMs, change, code) => {
    const live = await waitingPatient();
    const stream = await patientStream(live, refreshMs);
    await change(live);
    stream.died();
    await stream.expectEndsWith(code);
  });
});
