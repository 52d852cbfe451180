// npm run bench:video — how the video routes hold up, in-process against a
// real PostgreSQL (a throwaway database on DATABASE_URL's server, or the
// embedded one) and the local Twilio emulator. Not a test: it prints figures.
//
//   1. POST /api/appointments/{id}/video-token: 50 concurrent clients (admitted
//      patients with join links, spread over many appointments); requests/s and
//      p50/p95/p99 latency. Target: p95 < 25 ms.
//   2. POST /api/appointments/twilio-status-callback/: signed room callbacks for
//      many sessions, each delivered once plus redeliveries, 50 at a time;
//      callbacks/s, and how many events were lost or counted twice (stored rows
//      and derived attendance checked against what was sent). Target: ≥ 1,000/s, 0 lost, 0 doubled.
//
//   3. Then the join page (bench/join-page.ts, through `npm run bench:join-page`:
//      a production build, the JavaScript before Join, Lighthouse), unless
//      --only or --skip-join-page is given.
//
// The token route is rate limited per link (120 a minute) and per network (600 a
// minute; docs/decisions/009-rate-limits.md), and the limit checks are part of what is
// measured. So the clients take 1,000 links in turn (about 50 requests each in a 10 s
// run), and each request comes from its own address in the benchmarking range
// 198.18.0.0/15, passed as X-Forwarded-For with TRUST_PROXY set, as a proxy would.
//
// Options: --clients 50 --seconds 10 --appointments 1000 --rooms 200 --concurrency 50
//          [--only tokens|callbacks] [--skip-join-page]
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

import { NextRequest } from 'next/server';
import pg from 'pg';

import { setEnvForThisProcess } from '@/lib/env';
import { withDatabase } from '@/tests/helpers/database-admin';

import { benchCredentials, startBenchEmulator } from './bench-emulator';
import {
  asTwilioDelivers,
  deliverAll,
  PLANNED_PATIENT_SECONDS,
  plannedRoomEvents,
  signedForm,
} from './planned-room-events';
import { resolveServerNavigationBuild } from './server-navigation';

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '10' },
    appointments: { type: 'string', default: '1000' },
    rooms: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '50' },
    only: { type: 'string' },
    'skip-join-page': { type: 'boolean', default: false },
  },
});
const CLIENTS = Number(args.clients);
const SECONDS = Number(args.seconds);
const APPOINTMENTS = Number(args.appointments);
const ROOMS = Number(args.rooms);
const CALLBACK_CONCURRENCY = Number(args.concurrency);

const credentials = benchCredentials;
const APP_URL = 'https://portal.bench.invalid';
const CALLBACK_URL = `${APP_URL}/api/appointments/twilio-status-callback/`;

setEnvForThisProcess('LOG_LEVEL', 'warn');

resolveServerNavigationBuild();

// ---------------------------------------------------------------- database
const { resolveDatabase } = await import('@/tools/local-database');
const target = await resolveDatabase();
const benchDb = `tp_bench_${Date.now().toString(36)}`;
const admin = new pg.Client({ connectionString: withDatabase(target.url, 'postgres') });
await admin.connect();
await admin.query(`CREATE DATABASE "${benchDb}"`);
const benchUrl = withDatabase(target.url, benchDb);
const { applyMigrations } = await import('@/tools/migrate/apply-migrations');
await applyMigrations(benchUrl);

const emulator = await startBenchEmulator(benchUrl, {
  // Twilio would call this; the emulator's own callbacks are not part of the measurement.
  TWILIO_STATUS_CALLBACK_URL: '',
  APP_URL,
  TRUST_PROXY: '1',
});

const { db, disconnectDb } = await import('@/lib/db/client');
const { POST: videoToken } = await import('@/app/api/appointments/[id]/video-token/route');
const { POST: statusCallback } = await import('@/app/api/appointments/twilio-status-callback/route');
const { ensureVideoSession } = await import('@/lib/video/rooms/ensure-video-session');
const { replaceJoinLink } = await import('@/lib/video/links/regenerate-join-link');
const { closeNotifyListener } = await import('@/lib/db/notify-listener');

let exitCode = 0;
try {
  const clinic = await db().clinic.create({ data: { name: 'Bench clinic' } });
  const user = await db().user.create({
    data: {
      clinicId: clinic.id,
      email: 'bench.clinician@example.test',
      name: 'Bench Clinician',
      role: 'CLINICIAN',
      passwordHash: 'x',
      clinician: { create: { givenName: 'Bench', familyName: 'Clinician' } },
    },
    include: { clinician: true },
  });
  const patient = await db().patient.create({
    data: { clinicId: clinic.id, givenName: 'Bench', familyName: 'Patient', mobile: '+61491570156' },
  });

  const now = Date.now();
  const runTokens = args.only !== 'callbacks';
  const runCallbacks = args.only !== 'tokens';

  // ------------------------------------------------------------ 1. tokens
  if (runTokens) {
    console.log(`Setting up ${APPOINTMENTS} appointments with admitted patients…`);
    const links: Array<{ appointmentId: string; token: string }> = [];
    for (let i = 0; i < APPOINTMENTS; i++) {
      const appointment = await db().appointment.create({
        data: {
          clinicianId: user.clinician!.id,
          patientId: patient.id,
          startsAt: new Date(now - 5 * 60_000),
          endsAt: new Date(now + 45 * 60_000),
          kind: 'TELEHEALTH',
          status: 'CONFIRMED',
        },
      });
      const sessionId = await ensureVideoSession(appointment.id);
      await db().videoSession.update({
        where: { id: sessionId },
        data: { patientConsentAt: new Date(), patientLocation: 'IN_AUSTRALIA' },
      });
      await db().waitingRoomEntry.create({ data: { sessionId, status: 'ADMITTED', admittedAt: new Date() } });
      const link = await replaceJoinLink(sessionId, null);
      links.push({ appointmentId: appointment.id, token: link.url.split('/join/')[1]! });
    }

    let source = 0;
    // 198.18.0.0/15: 131,072 addresses set aside for benchmarks (RFC 2544).
    const nextAddress = () => {
      const n = source++ % 131_072;
      return `198.${18 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
    };
    const tokenRequest = (link: { appointmentId: string; token: string }) =>
      videoToken(
        new NextRequest(`${APP_URL}/api/appointments/${link.appointmentId}/video-token`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${link.token}`,
            'x-forwarded-for': nextAddress(),
          },
          body: '{}',
        }),
        { params: Promise.resolve({ id: link.appointmentId }) },
      );

    // Warm-up: every appointment's room is created once (that is a Twilio call, not the steady state).
    for (let i = 0; i < links.length; i += 20) {
      const batch = await Promise.all(links.slice(i, i + 20).map(tokenRequest));
      for (const r of batch)
        if (r.status !== 200) throw new Error(`warm-up token request answered ${r.status}`);
    }

    console.log(`Token route: ${CLIENTS} concurrent clients for ${SECONDS} s…`);
    const latencies: number[] = [];
    const failures = new Map<number, number>();
    const stopAt = performance.now() + SECONDS * 1000;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() < stopAt) {
          const link = links[next++ % links.length]!;
          const t0 = performance.now();
          const response = await tokenRequest(link);
          await response.arrayBuffer();
          latencies.push(performance.now() - t0);
          if (response.status !== 200)
            failures.set(response.status, (failures.get(response.status) ?? 0) + 1);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
    const tokenRoomsAtTwilio = emulator.rooms().length;

    console.log('\nToken route');
    console.log(`  ${CLIENTS} concurrent clients, ${latencies.length} requests in ${elapsed.toFixed(1)} s`);
    console.log(`  requests/s        ${(latencies.length / elapsed).toFixed(0)}`);
    console.log(`  latency p50       ${pct(50).toFixed(1)} ms`);
    console.log(`  latency p95       ${pct(95).toFixed(1)} ms   (target < 25 ms)`);
    console.log(`  latency p99       ${pct(99).toFixed(1)} ms`);
    console.log(`  non-200 answers   ${[...failures].map(([s, n]) => `${s}×${n}`).join(', ') || 'none'}`);
    console.log(`  rooms at Twilio   ${tokenRoomsAtTwilio} for ${APPOINTMENTS} appointments\n`);
  }

  // --------------------------------------------------------- 2. callbacks
  if (runCallbacks) {
    console.log(`Status callbacks: ${ROOMS} sessions, ${CALLBACK_CONCURRENCY} at a time…`);
    type Planned = { params: Record<string, string>; roomSid: string };
    const unique: Planned[] = [];
    const expectedPatientSeconds = new Map<string, number>();
    const base = Date.now() - 60 * 60_000;
    for (let r = 0; r < ROOMS; r++) {
      const appointment = await db().appointment.create({
        data: {
          clinicianId: user.clinician!.id,
          patientId: patient.id,
          startsAt: new Date(now - 60 * 60_000),
          endsAt: new Date(now - 10 * 60_000),
          kind: 'TELEHEALTH',
        },
      });
      const sessionId = await ensureVideoSession(appointment.id);
      const roomSid = `RM${r.toString(16).padStart(32, '0')}`;
      await db().videoRoom.create({
        data: {
          sessionId,
          generation: 1,
          uniqueName: `bench-${r}`,
          twilioRoomSid: roomSid,
          status: 'IN_PROGRESS',
          mediaRegion: 'au1',
          maxParticipants: 4,
          verifiedAt: new Date(),
        },
      });
      for (const params of plannedRoomEvents(r, roomSid, credentials.accountSid, base)) {
        unique.push({ roomSid, params });
      }
      expectedPatientSeconds.set(roomSid, PLANNED_PATIENT_SECONDS);
    }
    const deliveries = asTwilioDelivers(unique);
    const signed = deliveries.map((d) => signedForm(d.params, credentials.authToken, CALLBACK_URL));

    const cbStarted = performance.now();
    const statuses = await deliverAll(signed, statusCallback, CALLBACK_URL, CALLBACK_CONCURRENCY);
    const cbElapsed = (performance.now() - cbStarted) / 1000;

    const stored = await db().videoRoomEvent.count({ where: { roomSid: { startsWith: 'RM0000' } } });
    const sessions = await db().videoSession.findMany({
      where: { rooms: { some: { twilioRoomSid: { startsWith: 'RM0000' } } } },
      select: { patientSeconds: true, rooms: { select: { twilioRoomSid: true } } },
    });
    let wrongAttendance = 0;
    for (const s of sessions) {
      if (s.patientSeconds !== expectedPatientSeconds.get(s.rooms[0]!.twilioRoomSid!)) wrongAttendance++;
    }
    const lost = Math.max(0, unique.length - stored);
    const doubled = Math.max(0, stored - unique.length);

    console.log('Status callbacks');
    console.log(
      `  ${deliveries.length} deliveries of ${unique.length} events, ${ROOMS} sessions, ${CALLBACK_CONCURRENCY} at a time`,
    );
    console.log(`  callbacks/s       ${(deliveries.length / cbElapsed).toFixed(0)}   (target ≥ 1,000)`);
    console.log(`  answers           ${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')}`);
    console.log(`  lost              ${lost}`);
    console.log(`  double-counted    ${doubled}`);
    console.log(`  sessions with wrong patient minutes  ${wrongAttendance} of ${sessions.length}`);
  }
} catch (err) {
  console.error(err);
  exitCode = 1;
} finally {
  await closeNotifyListener();
  await disconnectDb();
  await emulator.stop();
  await admin.query(`DROP DATABASE IF EXISTS "${benchDb}" WITH (FORCE)`).catch(() => {});
  await admin.end();
  await target.embedded?.stop();
}
if (exitCode === 0 && !args.only && !args['skip-join-page']) {
  console.log('\nJoin page (npm run bench:join-page)…');
  exitCode = spawnSync('npm', ['run', '--silent', 'bench:join-page'], { stdio: 'inherit' }).status ?? 1;
}
// The in-process routes' pg pool and LISTEN connection keep handles open; exit with the verdict.
process.exit(exitCode);
