// npm run bench:reminders — how fast the reminder engine drains a burst of due
// reminders, and how quickly a WhatsApp failure turns into its SMS fallback.
// A benchmark, not a test: it prints figures and exits 0 unless something broke.
//
//   tsx --conditions=react-server bench/reminders.ts [--count 10000] [--fallbacks 200]
//
// Each round gets a fresh database (DATABASE_URL's server, or the embedded one)
// and a fresh Twilio emulator process. Workers are real `npm run worker`
// processes (scripts/worker.ts). Status callbacks reach the portal's real route
// handlers, served from this process, so each message also costs its two
// signed callbacks (sent, delivered) as in production.
//
// Throughput: `count` reminders due now (WhatsApp, delivered), one worker
// then two. Reported: time from the workers being ready to the emulator having
// accepted the last message, messages per second, duplicates (messages to a
// number beyond the first: must be 0). Run once per Twilio latency in
// --latency-ms (default "0,300"): 0 is the emulator answering at once, which
// makes the run CPU-bound (workers, emulator, webhooks and PostgreSQL share
// this machine's two cores, so a second worker has no core to run on); 300 ms
// stands in for a message create from Australia to Twilio's API (network and
// Twilio's processing), where a worker spends most of its time waiting, as it
// would in production.
// Fallback: `fallbacks` reminders whose WhatsApp message fails in its status
// callback (63016), at the largest latency. Reported: time from that callback
// reaching the portal to the emulator accepting the SMS fallback, p50 and p95.
// Kills: `kill-reminders` reminders falling due over `kill-spread-ms` while two
// workers run and one of them is killed (SIGKILL, its whole process tree) every
// `kill-every-ms` and replaced; a share (`kill-fail-share`) of the patients'
// WhatsApp messages fail in their status callback. Reported: the same fallback
// p50/p95, duplicates (a second message on a channel to a number) and lost
// reminders (no message accepted on the channel that should have carried it).
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';

import { POST as inboundRoute } from '@/app/api/twilio/messages/inbound/route';
import { POST as statusRoute } from '@/app/api/twilio/messages/status/route';
import { disconnectDb, db } from '@/lib/db/client';
import {
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from '@/tools/embedded-postgres/start-embedded-postgres';
import { PROJECT_ROOT } from '@/tools/local-database';
import { applyMigrations } from '@/tools/migrate/apply-migrations';
import { childEnv, env, setEnvForThisProcess } from '@/lib/env';
import { createBoss, queueOptions } from '@/lib/jobs/boss';
import { stopJobSender } from '@/lib/jobs/job-sender';
import { forgetReminderConfig } from '@/lib/reminders/templates/get-reminder-config';
import { sendReminderQueue } from '@/lib/jobs/reminder-queues';
import { createDatabase, dropDatabase, withDatabase } from '@/tests/helpers/database-admin';
import { randomTwilioCredentials } from '@/scripts/dev-services';
import { startRouteServer, type RouteHandler, type RouteServer } from '@/tests/helpers/route-server';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string' },
    fallbacks: { type: 'string' },
    'skip-two': { type: 'boolean' },
    'latency-ms': { type: 'string', default: '0,300' },
    // Twilio calls each worker keeps in flight (REMINDER_SEND_CONCURRENCY); default the portal's.
    'in-flight': { type: 'string' },
    // Writes each worker's V8 CPU profile here (open in Chrome DevTools).
    'profile-dir': { type: 'string' },
    // The round with worker kills.
    'skip-kills': { type: 'boolean' },
    // Only the round with kills (a quicker look at recovery).
    'kills-only': { type: 'boolean' },
    'kill-reminders': { type: 'string', default: '400' },
    'kill-spread-ms': { type: 'string', default: '45000' },
    'kill-every-ms': { type: 'string', default: '3000' },
    'kill-fail-share': { type: 'string', default: '0.3' },
  },
});
const COUNT = Number(args.count ?? 10_000);
// This process's own logs (slow seeding inserts, webhook noise) would drown the figures.
setEnvForThisProcess('LOG_LEVEL', 'error');
const FALLBACKS = Number(args.fallbacks ?? 200);
const LATENCIES = args['latency-ms']!.split(',').map((v) => {
  const n = Number(v.trim());
  if (!Number.isInteger(n) || n < 0) throw new Error(`--latency-ms takes whole numbers of ms, e.g. 0,300`);
  return n;
});

const creds = {
  ...randomTwilioCredentials(),
  TWILIO_PHONE_NUMBER: '+61480000001',
  TWILIO_WHATSAPP_FROM: 'whatsapp:+61480000002',
};
const CONTENT_SID = `HX${'be0c'.repeat(8)}`;
const say = (m: string) => process.stdout.write(`[bench] ${m}\n`);
const mobile = (i: number) => `+614${String(i).padStart(8, '0')}`;

type Outbox = { sid: string; to: string; dateCreated: string; status: string }[];

async function startEmulator(
  messageStepMs: number,
  latencyMs: number,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'),
    [
      path.join(PROJECT_ROOT, 'scripts', 'twilio-emulator', 'main.ts'),
      '--port',
      '0',
      // name=value: a random secret may start with "-", which would read as an option.
      `--account-sid=${creds.TWILIO_ACCOUNT_SID}`,
      `--auth-token=${creds.TWILIO_AUTH_TOKEN}`,
      `--api-key=${creds.TWILIO_API_KEY}`,
      `--api-secret=${creds.TWILIO_API_SECRET}`,
      `--phone-number=${creds.TWILIO_PHONE_NUMBER}`,
      `--whatsapp-from=${creds.TWILIO_WHATSAPP_FROM}`,
      '--message-step-ms',
      String(messageStepMs),
      '--latency-ms',
      String(latencyMs),
      '--log-level',
      'error',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], env: childEnv() },
  );
  const url = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
    lines.on('line', (line) => {
      const m = /https?:\/\/127\.0\.0\.1:\d+/.exec(line);
      if (m) resolve(m[0]);
    });
  });
  child.stdout!.on('data', () => {});
  return { url, child };
}

async function control<T>(emulatorUrl: string, p: string, body?: unknown): Promise<T> {
  const res = await fetch(`${emulatorUrl}/__emulator${p}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`emulator ${p}: ${res.status}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** CPU time (ms) a process and its descendants have used so far, from /proc (Linux); 0 where unavailable. */
function cpuMs(pid: number | undefined): number {
  if (!pid) return 0;
  const stats = new Map<number, { ppid: number; ms: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      stats.set(Number(entry), {
        ppid: Number(fields[1]),
        ms: ((Number(fields[11]) + Number(fields[12])) * 1000) / 100,
      });
    } catch {
      // gone
    }
  }
  // `tsx` runs the script in a child node process: count the whole tree.
  let total = 0;
  const queue = [pid];
  while (queue.length) {
    const current = queue.pop()!;
    total += stats.get(current)?.ms ?? 0;
    for (const [child, s] of stats) if (s.ppid === current) queue.push(child);
  }
  return total;
}

/** CPU time of the PostgreSQL backends serving one database (those alive now). */
function postgresCpuMs(database: string): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!cmd.startsWith('postgres:') || !cmd.includes(` ${database} `)) continue;
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      total += ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    } catch {
      // gone
    }
  }
  return total;
}

/** Starts a worker process and resolves when it says it is working the queues. */
async function startWorker(workerEnv: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(
    path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'),
    ['--conditions=react-server', path.join(PROJECT_ROOT, 'scripts', 'worker.ts')],
    // Its own process group: `tsx` runs the script in a child node process, and a kill must reach both.
    { stdio: ['ignore', 'pipe', 'inherit'], env: workerEnv, detached: true },
  );
  await new Promise<void>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    child.once('exit', (code, signal) => reject(new Error(`worker exited with ${code ?? signal}`)));
    lines.on('line', (line) => {
      if (line.includes('"worker.started"')) resolve();
    });
  });
  child.stdout!.on('data', () => {});
  return child;
}

/** kill -9 of a worker and everything it started, as a crash or an OOM kill would do it. */
async function killWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid!, 'SIGKILL');
  await exited;
}

async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 35_000))]);
}

/** Rows for `n` due reminders: one clinic, one clinician, a patient and appointment each. Raw SQL: fast. */
async function seed(n: number, firstIndex: number): Promise<void> {
  const clinic = await db().clinic.upsert({
    where: { id: 'bench-clinic' },
    create: { id: 'bench-clinic', name: 'Bench Clinic', contactPhone: '02 9000 0000' },
    update: {},
  });
  await db().reminderTemplate.upsert({
    where: { clinicId_kind: { clinicId: clinic.id, kind: 'IN_PERSON' } },
    create: {
      clinicId: clinic.id,
      kind: 'IN_PERSON',
      smsBody: '{clinic}: appointment {date} at {time}. Reply C to confirm, R to reschedule. {optout}',
      whatsappContentSid: CONTENT_SID,
    },
    update: {},
  });
  forgetReminderConfig();
  await db().$executeRaw`
    INSERT INTO "User" (id, "clinicId", email, name, role, "passwordHash", "updatedAt")
    VALUES ('bench-user', ${clinic.id}, 'bench@bench.example', 'Bench Clinician', 'CLINICIAN', 'x', now())
    ON CONFLICT DO NOTHING`;
  await db().$executeRaw`
    INSERT INTO "Clinician" (id, "userId", "givenName", "familyName", "updatedAt")
    VALUES ('bench-clinician', 'bench-user', 'Bench', 'Clinician', now()) ON CONFLICT DO NOTHING`;
  await db().$executeRaw`
    INSERT INTO "Patient" (id, "clinicId", "givenName", "familyName", mobile, "messagingConsentAt",
                           "messagingConsentMethod", "whatsappConsent", "updatedAt")
    SELECT 'bp' || i, ${clinic.id}, 'Bench', 'Patient' || i, '+614' || lpad(i::text, 8, '0'), now(), 'VERBAL', true, now()
    FROM generate_series(${firstIndex}::int, ${firstIndex + n - 1}::int) AS i`;
  await db().$executeRaw`
    INSERT INTO "Appointment" (id, "clinicianId", "patientId", "startsAt", "endsAt", kind, status, "updatedAt")
    SELECT 'ba' || i, 'bench-clinician', 'bp' || i, now() + interval '3 hours' + (i || ' minutes')::interval,
           now() + interval '4 hours' + (i || ' minutes')::interval, 'IN_PERSON', 'BOOKED', now()
    FROM generate_series(${firstIndex}::int, ${firstIndex + n - 1}::int) AS i`;
  await db().$executeRaw`
    INSERT INTO "Reminder" (id, "appointmentId", "patientId", source, "offsetMinutes", "requestedAt", "dueAt", status, "updatedAt")
    SELECT 'br' || i, 'ba' || i, 'bp' || i, 'STAFF', 180, now(), now(), 'SCHEDULED', now()
    FROM generate_series(${firstIndex}::int, ${firstIndex + n - 1}::int) AS i`;
}

/** One send job per reminder, queued before any worker starts (at `dueAt(i)` when given). */
async function enqueue(
  url: string,
  n: number,
  firstIndex: number,
  dueAt?: (i: number) => Date,
): Promise<void> {
  const boss = createBoss(url, { sendOnly: true });
  await boss.start();
  await boss.createQueue(sendReminderQueue.name, queueOptions(sendReminderQueue));
  for (let start = 0; start < n; start += 1000) {
    const jobs = Array.from({ length: Math.min(1000, n - start) }, (_, k) => ({
      data: { reminderId: `br${firstIndex + start + k}` },
      ...(dueAt
        ? { startAfter: dueAt(firstIndex + start + k), singletonKey: `br${firstIndex + start + k}` }
        : {}),
    }));
    await boss.insert(sendReminderQueue.name, jobs);
  }
  await boss.stop({ graceful: false, timeout: 2000 });
}

async function freshDatabase(serverUrl: string): Promise<string> {
  const url = withDatabase(serverUrl, `tp_bench_${process.pid}_${Date.now().toString(36)}`);
  await createDatabase(serverUrl, new URL(url).pathname.slice(1));
  await applyMigrations(url);
  return url;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

interface Round {
  url: string;
  emulator: { url: string; child: ChildProcess };
  routes: RouteServer;
  failureSeenAt: Map<string, number>;
  /** How long the portal took to answer each WhatsApp failure callback (it queues the fallback). */
  routeMs: number[];
  workerEnv: NodeJS.ProcessEnv;
}

async function setUpRound(serverUrl: string, messageStepMs: number, latencyMs: number): Promise<Round> {
  const url = await freshDatabase(serverUrl);
  await disconnectDb();
  setEnvForThisProcess('DATABASE_URL', url);
  const emulator = await startEmulator(messageStepMs, latencyMs);
  const failureSeenAt = new Map<string, number>();
  const routeMs: number[] = [];
  // The real status route, noting when each WhatsApp failure reached the portal.
  const timedStatus: RouteHandler = async (request, segment) => {
    const fields = new URLSearchParams(await request.clone().text());
    const failure = fields.get('MessageStatus') === 'failed' && fields.get('To')?.startsWith('whatsapp:');
    const seen = Date.now();
    const number = fields.get('To')?.slice('whatsapp:'.length) ?? '';
    // The first sighting: Twilio (the emulator) retries a callback our server failed to answer.
    if (failure && !failureSeenAt.has(number)) failureSeenAt.set(number, seen);
    const response = await statusRoute(request, segment);
    if (failure) routeMs.push(Date.now() - seen);
    return response;
  };
  const routes = await startRouteServer({
    '/api/twilio/messages/status': timedStatus,
    '/api/twilio/messages/inbound': inboundRoute,
  });
  const vars = {
    ...creds,
    APP_URL: routes.url,
    TWILIO_EMULATOR: '1',
    TWILIO_EMULATOR_URL: emulator.url,
    LOG_LEVEL: 'error',
  };
  for (const [k, v] of Object.entries(vars)) setEnvForThisProcess(k, v);
  const workerEnv = childEnv({
    ...vars,
    DATABASE_URL: url,
    LOG_LEVEL: 'info',
    REMINDER_SEND_CONCURRENCY: args['in-flight'],
    NODE_OPTIONS: args['profile-dir'] ? `--cpu-prof --cpu-prof-dir=${args['profile-dir']}` : undefined,
  });
  return { url, emulator, routes, failureSeenAt, routeMs, workerEnv };
}

async function tearDownRound(round: Round): Promise<void> {
  await stopJobSender();
  await disconnectDb();
  round.emulator.child.kill('SIGTERM');
  await round.routes.close();
  await dropDatabase(round.url).catch(() => {});
}

async function throughputRound(serverUrl: string, workers: number, latencyMs: number) {
  // Delivery reports come later than the drain (as they do from handsets): the web tier answers
  // status callbacks, not the workers, and on this machine they would share the same two cores.
  const round = await setUpRound(serverUrl, 120_000, latencyMs);
  try {
    await seed(COUNT, 1);
    await enqueue(round.url, COUNT, 1);
    say(
      `${workers} worker(s), Twilio latency ${latencyMs} ms: ${COUNT} reminders due, jobs queued; starting workers`,
    );
    const started = Date.now();
    const children = await Promise.all(Array.from({ length: workers }, () => startWorker(round.workerEnv)));
    const ready = Date.now();
    const database = new URL(round.url).pathname.slice(1);
    const cpuBefore = {
      workers: children.reduce((t, c) => t + cpuMs(c.pid), 0),
      emulator: cpuMs(round.emulator.child.pid),
      postgres: postgresCpuMs(database),
      portal: process.cpuUsage(),
    };
    await waitFor(
      async () => (await db().reminderMessage.count({ where: { twilioSid: { not: null } } })) >= COUNT,
      600_000,
    );
    const portalCpu = process.cpuUsage(cpuBefore.portal);
    const cpuMsPerMessage = {
      workers: round2((children.reduce((t, c) => t + cpuMs(c.pid), 0) - cpuBefore.workers) / COUNT),
      emulator: round2((cpuMs(round.emulator.child.pid) - cpuBefore.emulator) / COUNT),
      postgres: round2((postgresCpuMs(database) - cpuBefore.postgres) / COUNT),
      // This process: the webhook routes (status callbacks) and the progress polling.
      portal: round2((portalCpu.user + portalCpu.system) / 1000 / COUNT),
    };
    const loadAverage = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    const outbox = await control<Outbox>(round.emulator.url, '/messages');
    const times = outbox.map((m) => Date.parse(m.dateCreated)).sort((a, b) => a - b);
    const last = times.at(-1)!;
    const unique = new Set(outbox.map((m) => m.to)).size;
    await Promise.all(children.map(stopWorker));
    return {
      workers,
      latencyMs,
      accepted: outbox.length,
      duplicates: outbox.length - unique,
      claims: await db().reminderMessage.count(),
      startupMs: ready - started,
      drainMs: last - ready,
      firstToLastMs: last - times[0]!,
      perSecond: Math.round((outbox.length / (last - ready)) * 1000),
      // What the machine's cores must supply per message, by process; and how busy the machine was.
      cpuMsPerMessage,
      // The most this machine could send if every core did nothing else: cores / CPU time per message.
      cpuCeilingPerSecond: Math.round(
        (availableParallelism() * 1000) / Object.values(cpuMsPerMessage).reduce((t, v) => t + v, 0),
      ),
      loadAverage,
    };
  } finally {
    await tearDownRound(round);
  }
}

async function fallbackRound(serverUrl: string, latencyMs: number) {
  const round = await setUpRound(serverUrl, 100, latencyMs);
  try {
    await seed(FALLBACKS, 1);
    for (let i = 1; i <= FALLBACKS; i++) {
      await control(round.emulator.url, '/message-outcomes', {
        to: mobile(i),
        status: 'failed',
        errorCode: 63016,
        times: 1,
      });
    }
    const child = await startWorker(round.workerEnv);
    await enqueue(round.url, FALLBACKS, 1);
    say(`fallback: ${FALLBACKS} reminders whose WhatsApp fails in its status callback`);
    await waitFor(
      async () =>
        (await db().reminderMessage.count({ where: { channel: 'SMS', twilioSid: { not: null } } })) >=
        FALLBACKS,
      300_000,
    );
    const outbox = await control<Outbox>(round.emulator.url, '/messages');
    const smsAt = new Map(
      outbox.filter((m) => !m.to.startsWith('whatsapp:')).map((m) => [m.to, Date.parse(m.dateCreated)]),
    );
    const latencies = [...round.failureSeenAt.entries()]
      .map(([to, at]) => (smsAt.get(to) ?? NaN) - at)
      .filter((n) => Number.isFinite(n))
      .sort((a, b) => a - b);
    const perNumber = new Map<string, number>();
    for (const m of outbox) perNumber.set(m.to, (perNumber.get(m.to) ?? 0) + 1);
    // Where the time goes, from each reminder's timeline: failure recorded → fallback claimed (the
    // queue) → SMS accepted (the send).
    const steps = await db().$queryRaw<{ queued: number; sending: number }[]>`
      SELECT extract(epoch FROM (fb.at - f.at)) * 1000 AS "queued", extract(epoch FROM (s.at - fb.at)) * 1000 AS "sending"
      FROM "ReminderEvent" f
      JOIN "ReminderEvent" fb ON fb."reminderId" = f."reminderId" AND fb.type = 'FALLBACK'
      JOIN "ReminderEvent" s ON s."reminderId" = f."reminderId" AND s.type = 'SENT' AND s.channel = 'SMS'
      WHERE f.type = 'FAILED' AND f.channel = 'WHATSAPP'`;
    const queued = steps.map((r) => Number(r.queued)).sort((a, b) => a - b);
    const sending = steps.map((r) => Number(r.sending)).sort((a, b) => a - b);
    await stopWorker(child);
    return {
      latencyMs,
      fallbacks: latencies.length,
      smsSent: smsAt.size,
      duplicates: [...perNumber.values()].filter((n) => n > 1).length,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      maxMs: latencies.at(-1),
      breakdownP50Ms: {
        queue: Math.round(percentile(queued, 50)),
        send: Math.round(percentile(sending, 50)),
      },
      breakdownP95Ms: {
        queue: Math.round(percentile(queued, 95)),
        send: Math.round(percentile(sending, 95)),
      },
      // How spread out the failures arrived, and the callbacks' first-to-last handling time.
      callbackHandlingP50Ms: percentile(
        [...round.routeMs].sort((a, b) => a - b),
        50,
      ),
      callbacksSpreadMs: Math.round(
        Math.max(...round.failureSeenAt.values()) - Math.min(...round.failureSeenAt.values()),
      ),
    };
  } finally {
    await tearDownRound(round);
  }
}

async function killRound(serverUrl: string, latencyMs: number) {
  const n = Number(args['kill-reminders']);
  const spreadMs = Number(args['kill-spread-ms']);
  const killEveryMs = Number(args['kill-every-ms']);
  const failShare = Number(args['kill-fail-share']);
  const round = await setUpRound(serverUrl, 100, latencyMs);
  const workers: ChildProcess[] = [];
  try {
    await seed(n, 1);
    // Spread over the window so that kills land on a steady flow of sends, as on a working morning.
    const start = Date.now() + 5_000;
    const dueAt = (i: number) => new Date(start + Math.round(((i - 1) * spreadMs) / n));
    await db().$executeRaw`
      UPDATE "Reminder"
      SET "dueAt" = to_timestamp(${start / 1000}::float8 + (substr("id", 3)::int - 1) * ${spreadMs / 1000 / n}::float8) AT TIME ZONE 'UTC'
      WHERE "id" LIKE 'br%'`;
    // Every k-th patient's WhatsApp message fails in its status callback (once: the SMS goes through).
    const every = Math.max(1, Math.round(1 / failShare));
    const failing = new Set<number>();
    for (let i = 1; i <= n; i += every) {
      failing.add(i);
      await control(round.emulator.url, '/message-outcomes', {
        to: mobile(i),
        status: 'failed',
        errorCode: 63016,
        times: 1,
      });
    }
    await enqueue(round.url, n, 1, dueAt);
    workers.push(...(await Promise.all([startWorker(round.workerEnv), startWorker(round.workerEnv)])));
    say(
      `kills: ${n} reminders due over ${spreadMs / 1000} s, ${failing.size} WhatsApp failures, a worker killed every ${killEveryMs / 1000} s`,
    );
    // Kill one of the two workers (its whole process tree) and start another, until the last is due.
    let kills = 0;
    while (Date.now() < start + spreadMs) {
      await new Promise((r) => setTimeout(r, killEveryMs));
      const victim = workers.splice(Math.floor(Math.random() * workers.length), 1)[0]!;
      await killWorker(victim);
      kills++;
      workers.push(await startWorker(round.workerEnv));
    }
    say(
      `kills: ${kills} workers killed; waiting for every reminder to settle (a lost job waits out its expiry)`,
    );
    const settled = async () => {
      const [row] = await db().$queryRaw<{ done: number }[]>`
        SELECT count(*)::int AS "done" FROM "Reminder" r
        WHERE r."id" LIKE 'br%' AND r."status" IN ('SENT', 'DELIVERED', 'FAILED')
          AND NOT EXISTS (SELECT 1 FROM "ReminderMessage" m WHERE m."reminderId" = r."id" AND m."status" IN ('CLAIMED', 'UNCERTAIN', 'RETRY'))`;
      const sms = await db().reminderMessage.count({ where: { channel: 'SMS', twilioSid: { not: null } } });
      return (row?.done ?? 0) >= n && sms >= failing.size;
    };
    await waitFor(settled, 600_000).catch(() => say('kills: not everything settled within 10 minutes'));
    const outbox = await control<Outbox>(round.emulator.url, '/messages');
    const perTo = new Map<string, number>();
    for (const m of outbox) perTo.set(m.to, (perTo.get(m.to) ?? 0) + 1);
    const smsAt = new Map(
      outbox.filter((m) => !m.to.startsWith('whatsapp:')).map((m) => [m.to, Date.parse(m.dateCreated)]),
    );
    // Lost: a failing patient with no SMS, or any other with no WhatsApp message.
    let lost = 0;
    for (let i = 1; i <= n; i++) {
      const channelTo = failing.has(i) ? mobile(i) : `whatsapp:${mobile(i)}`;
      if (!perTo.has(channelTo)) lost++;
    }
    const latencies = [...round.failureSeenAt.entries()]
      .map(([to, at]) => (smsAt.get(to) ?? NaN) - at)
      .filter((v) => Number.isFinite(v))
      .sort((a, b) => a - b);
    const statuses = await db().$queryRaw<{ status: string; count: number }[]>`
      SELECT "status"::text AS "status", count(*)::int AS "count" FROM "Reminder" WHERE "id" LIKE 'br%' GROUP BY 1 ORDER BY 1`;
    return {
      latencyMs,
      reminders: n,
      kills,
      whatsappFailures: failing.size,
      fallbacks: latencies.length,
      duplicates: [...perTo.values()].filter((c) => c > 1).length,
      lost,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      maxMs: latencies.at(-1),
      // Fallbacks a kill held up (its job or its WhatsApp send was on the killed worker).
      over2s: latencies.filter((v) => v >= 2000).length,
      reminderStatuses: Object.fromEntries(statuses.map((r) => [r.status, r.count])),
    };
  } finally {
    await Promise.all(workers.map(stopWorker));
    await tearDownRound(round);
  }
}

let embedded: EmbeddedPostgres | null = null;
const serverUrl =
  env().DATABASE_URL ?? (embedded = await startEmbeddedPostgres({ projectRoot: PROJECT_ROOT })).url;
let exitCode = 0;
try {
  const rounds = [];
  for (const latencyMs of args['kills-only'] ? [] : LATENCIES) {
    const one = await throughputRound(serverUrl, 1, latencyMs);
    say(
      `latency ${latencyMs} ms, 1 worker:  ${one.accepted} accepted in ${(one.drainMs / 1000).toFixed(1)} s (${one.perSecond}/s), duplicates ${one.duplicates}; CPU ms/message ${JSON.stringify(one.cpuMsPerMessage)}; load ${one.loadAverage}`,
    );
    const two = args['skip-two'] ? null : await throughputRound(serverUrl, 2, latencyMs);
    if (two)
      say(
        `latency ${latencyMs} ms, 2 workers: ${two.accepted} accepted in ${(two.drainMs / 1000).toFixed(1)} s (${two.perSecond}/s), duplicates ${two.duplicates}; CPU ms/message ${JSON.stringify(two.cpuMsPerMessage)}; load ${two.loadAverage}`,
      );
    const speedup = two ? Math.round((one.drainMs / two.drainMs) * 100) / 100 : null;
    // However many workers share the work, the cores cap the rate: the best speedup a second worker could give.
    const speedupCeiling = Math.round((one.cpuCeilingPerSecond / one.perSecond) * 100) / 100;
    say(
      `latency ${latencyMs} ms: two workers ${speedup ?? '-'}× one; this machine's cores allow at most ${speedupCeiling}× (${one.cpuCeilingPerSecond}/s)`,
    );
    rounds.push({ latencyMs, oneWorker: one, twoWorkers: two, speedup, speedupCeiling });
  }
  const fallback = args['kills-only'] ? null : await fallbackRound(serverUrl, Math.max(...LATENCIES));
  if (fallback)
    say(
      `fallback (latency ${fallback.latencyMs} ms): ${fallback.fallbacks} fallbacks, p50 ${fallback.p50Ms} ms, p95 ${fallback.p95Ms} ms, max ${fallback.maxMs} ms, duplicates ${fallback.duplicates}`,
    );

  const kills = args['skip-kills'] ? null : await killRound(serverUrl, Math.max(...LATENCIES));
  if (kills)
    say(
      `kills (latency ${kills.latencyMs} ms): ${kills.kills} workers killed, ${kills.fallbacks} fallbacks, p50 ${kills.p50Ms} ms, p95 ${kills.p95Ms} ms, max ${kills.maxMs} ms, ${kills.over2s} over 2 s; duplicates ${kills.duplicates}, lost ${kills.lost}`,
    );

  const duplicates =
    rounds.reduce((t, r) => t + r.oneWorker.duplicates + (r.twoWorkers?.duplicates ?? 0), 0) +
    (fallback?.duplicates ?? 0) +
    (kills?.duplicates ?? 0);
  const summary = {
    count: COUNT,
    rounds,
    fallback,
    kills,
    targets: Object.fromEntries([
      ...rounds.map((r) => [
        `latency${r.latencyMs}ms`,
        {
          oneWorkerUnder60s: r.oneWorker.drainMs < 60_000,
          twoWorkersAtLeast1_6x: r.speedup === null ? null : r.speedup >= 1.6,
        },
      ]),
      ['fallbackP95Under2s', fallback ? fallback.p95Ms < 2000 : null],
      ['fallbackP95UnderKillsUnder2s', kills ? kills.p95Ms < 2000 : null],
      ['noDuplicates', duplicates === 0],
      ['noneLostUnderKills', kills ? kills.lost === 0 : null],
    ]),
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  if (duplicates !== 0 || (kills?.lost ?? 0) !== 0) exitCode = 1;
} catch (err) {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  exitCode = 1;
} finally {
  await embedded?.stop();
}
process.exit(exitCode);
