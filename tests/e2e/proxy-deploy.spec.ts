// The portal as docs/deploy/ deploys it: Debian's nginx (installed when missing, by
// scripts/ensure-nginx.ts) running the shipped site file with only the name, ports and
// certificate paths changed, serving https with a throwaway certificate in front of two
// `npm start` instances (TRUST_PROXY=1, APP_URL the proxy's https address) and one
// `npm run worker`, on the suite's database and Twilio emulator (whose worker runs too: two
// workers, as a clinic with a second machine would have). Every wait is for a condition.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import twilio from 'twilio';

import { parsePrometheus } from '../helpers/prometheus-parse';
import { clearNetworkRateLimits, demo, signIn, withDb } from './support';
import { createTelehealthAppointment, makeJoinLink } from './video-support';

const ROOT = path.join(import.meta.dirname, '..', '..');
const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const METRICS_TOKEN = randomBytes(24).toString('hex');
const hex = (n: number) => randomBytes(n).toString('hex');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The shipped site file with this machine's name, ports and certificate; each change must apply. */
function renderSite(dir: string, ports: { https: number; http: number; a: number; b: number }): string {
  let text = readFileSync(path.join(ROOT, 'docs', 'deploy', 'nginx-telehealth.conf'), 'utf8');
  const swap = (from: RegExp, to: string) => {
    expect(text, `the shipped nginx config has ${String(from)}`).toMatch(from);
    text = text.replace(new RegExp(from.source, 'g' + from.flags.replace('g', '')), to);
  };
  swap(/^\s*listen \[::\]:.*$\n/m, ''); // no IPv6 needed on loopback
  swap(/listen 443 ssl http2/, `listen 127.0.0.1:${ports.https} ssl http2`);
  swap(/listen 80\b/, `listen 127.0.0.1:${ports.http}`);
  swap(/server 127\.0\.0\.1:3001/, `server 127.0.0.1:${ports.a}`);
  swap(/server 127\.0\.0\.1:3002/, `server 127.0.0.1:${ports.b}`);
  swap(/\/etc\/letsencrypt\/live\/portal\.example\.com\.au\/fullchain\.pem/, path.join(dir, 'cert.pem'));
  swap(/\/etc\/letsencrypt\/live\/portal\.example\.com\.au\/privkey\.pem/, path.join(dir, 'key.pem'));
  swap(/\/var\/www\/letsencrypt/, path.join(dir, 'www'));
  swap(/portal\.example\.com\.au/, 'localhost');
  return text;
}

type Stream = { text: () => string; ended: () => boolean; status: () => number; close: () => void };

/** A patient's event stream (fetch-style, Authorization: Bearer), read as it arrives. */
function openStream(url: string, token: string, ca: string): Stream {
  let text = '';
  let ended = false;
  let status = 0;
  const options = { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } };
  const onResponse = (res: import('node:http').IncomingMessage) => {
    status = res.statusCode ?? 0;
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    res.on('close', () => (ended = true));
  };
  const req = url.startsWith('https:')
    ? httpsRequest(url, { ...options, ca, agent: false }, onResponse)
    : httpRequest(url, { ...options, agent: false }, onResponse);
  req.on('error', () => (ended = true));
  req.end();
  return { text: () => text, ended: () => ended, status: () => status, close: () => req.destroy() };
}

/** The waiting status in the last `state` event a stream sent. */
function lastWaiting(text: string): string | null | undefined {
  let status: string | null | undefined;
  for (const block of text.split('\n\n')) {
    if (!/^event: state$/m.test(block)) continue;
    const data = /^data: (.*)$/m.exec(block)?.[1];
    if (!data) continue;
    const parsed = JSON.parse(data) as { waiting?: { status: string } | null };
    status = parsed.waiting?.status ?? null;
  }
  return status;
}

/** A request through the proxy, trusting only the throwaway certificate. */
function viaProxy(
  url: string,
  ca: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      url,
      { method: init.method ?? 'GET', headers: init.headers, ca, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

test.describe.serial('behind nginx with TLS, two instances and a worker (docs/deploy)', () => {
  // Made in beforeAll: Playwright also loads this file just to list the tests.
  let dir = '';
  const children: ChildProcess[] = [];
  const instances: { port: number; child: ChildProcess; output: () => string }[] = [];
  let nginx: ChildProcess;
  let ca = '';
  let publicUrl = '';
  let staff: BrowserContext;
  let staffPage: Page;
  let worker: { child: ChildProcess; output: () => string };

  function launch(args: string[], env: NodeJS.ProcessEnv) {
    const child = spawn('npm', args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    children.push(child);
    return { child, output: () => output };
  }

  const streamsOpen = async (port: number) => {
    const res = await fetch(`http://127.0.0.1:${port}/api/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    const { samples } = parsePrometheus(await res.text());
    return samples
      .filter((s) => s.name === 'telehealth_event_streams_open')
      .reduce((sum, s) => sum + s.value, 0);
  };

  /** A telehealth appointment whose patient has consented and waits (entered through `enterUrl`). */
  async function waitingPatient(enterUrl: string) {
    const appointment = await createTelehealthAppointment();
    const link = await makeJoinLink(staffPage, appointment.id);
    const token = link.split('/join/')[1]!;
    await clearNetworkRateLimits();
    const consent = await viaProxy(`${publicUrl}/api/video/join/consent`, ca, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ consentToTelehealth: true, location: 'IN_AUSTRALIA' }),
    });
    expect(consent.status).toBe(200);
    const enter = {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    };
    const url = `${enterUrl}/api/video/join/waiting-room`;
    const entered = url.startsWith('https:') ? await viaProxy(url, ca, enter) : await fetch(url, enter);
    expect(entered.status).toBe(200);
    return { appointment, token, link };
  }

  async function letIn(appointmentId: string) {
    await staffPage.goto(`/appointments/${appointmentId}`);
    await staffPage
      .getByRole('region', { name: 'Video session' })
      .getByRole('button', { name: 'Let the patient in' })
      .click();
  }

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(240_000);
    dir = mkdtempSync(path.join(tmpdir(), 'proxy-deploy-'));
    if (!existsSync(NGINX)) {
      throw new Error(
        `No nginx at ${NGINX}: run \`npx tsx scripts/ensure-nginx.ts\` (npm run test:e2e does).`,
      );
    }
    const ports = {
      https: await freePort(),
      http: await freePort(),
      a: await freePort(),
      b: await freePort(),
    };
    // By name: the shipped config turns away TLS clients that name no host (SNI), as one
    // reaching 127.0.0.1 by address would.
    publicUrl = `https://localhost:${ports.https}`;

    const cert = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { encoding: 'utf8' },
    );
    expect(cert.status, cert.stderr).toBe(0);
    ca = readFileSync(path.join(dir, 'cert.pem'), 'utf8');

    mkdirSync(path.join(dir, 'www'));
    writeFileSync(path.join(dir, 'site.conf'), renderSite(dir, ports));
    // The main file Debian's nginx.conf would be, reduced to what a non-daemon child needs.
    writeFileSync(
      path.join(dir, 'nginx.conf'),
      [
        'daemon off;',
        // As root, nginx's workers would be "nobody", unable to use this private folder.
        process.getuid?.() === 0 ? 'user root;' : '',
        'worker_processes 1;',
        `pid ${path.join(dir, 'nginx.pid')};`,
        `error_log ${path.join(dir, 'error.log')} warn;`,
        'events { worker_connections 256; }',
        'http {',
        `  access_log ${path.join(dir, 'access.log')};`,
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
          (t) => `  ${t}_temp_path ${path.join(dir, `${t}_temp`)};`,
        ),
        `  include ${path.join(dir, 'site.conf')};`,
        '}',
      ].join('\n'),
    );
    const check = spawnSync(
      NGINX,
      ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')],
      {
        encoding: 'utf8',
      },
    );
    expect(check.status, `nginx -t: ${check.stderr}`).toBe(0);
    nginx = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], {
      stdio: 'ignore',
    });
    children.push(nginx);

    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      APP_URL: publicUrl,
      TRUST_PROXY: '1',
      AUTH_SECRET: hex(32),
      TWILIO_ACCOUNT_SID: process.env.E2E_TWILIO_ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: process.env.E2E_TWILIO_AUTH_TOKEN,
      TWILIO_API_KEY: process.env.E2E_TWILIO_API_KEY,
      TWILIO_API_SECRET: process.env.E2E_TWILIO_API_SECRET,
      TWILIO_PHONE_NUMBER: '+61491570156',
      TWILIO_STATUS_CALLBACK_URL: `${publicUrl}/api/appointments/twilio-status-callback/`,
      TWILIO_EMULATOR: '1',
      TWILIO_EMULATOR_URL: process.env.E2E_EMULATOR_URL,
      METRICS_TOKEN,
      // The suite's test build (next.config.js reads these to find it).
      VIDEO_TEST_BUILD: '1',
      ...(process.env.E2E_DIST_DIR ? { E2E_DIST_DIR: process.env.E2E_DIST_DIR } : {}),
    };
    for (const port of [ports.a, ports.b]) {
      const started = launch(['start', '--silent', '--', '--hostname', '127.0.0.1'], {
        ...env,
        PORT: String(port),
      });
      instances.push({ port, ...started });
    }
    worker = launch(['run', 'worker', '--silent'], { ...env, LOG_LEVEL: 'info' });
    for (const { port } of instances) {
      await expect
        .poll(async () => (await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.status, {
          timeout: 120_000,
        })
        .toBe(200);
    }
    await expect
      .poll(async () => (await viaProxy(`${publicUrl}/api/health`, ca).catch(() => null))?.status, {
        timeout: 30_000,
      })
      .toBe(200);

    // The clinician, signed in through the proxy (https: the session cookie is Secure).
    staff = await browser.newContext({ baseURL: publicUrl, ignoreHTTPSErrors: true });
    staffPage = await staff.newPage();
    await signIn(staffPage, demo.clinician);
  });

  test.afterAll(async () => {
    await staff?.close();
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
            child.on('exit', () => {
              clearTimeout(force);
              resolve();
            });
          }),
      ),
    );
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a Twilio callback signed for the public https address is accepted through the proxy; one signed for the internal address is refused', async () => {
    const params = { MessageSid: `SM${hex(16)}`, MessageStatus: 'delivered' };
    const body = new URLSearchParams(params).toString();
    const post = (signedFor: string) =>
      viaProxy(`${publicUrl}/api/twilio/messages/status`, ca, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': twilio.getExpectedTwilioSignature(
            process.env.E2E_TWILIO_AUTH_TOKEN!,
            signedFor,
            params,
          ),
        },
        body,
      });
    expect((await post(`${publicUrl}/api/twilio/messages/status`)).status).toBe(204);
    const internal = `http://127.0.0.1:${instances[0]!.port}/api/twilio/messages/status`;
    expect((await post(internal)).status).toBe(403);
  });

  test('a patient waiting on one instance is let in from the other, and sees it through the proxy', async () => {
    const [a, b] = instances;
    const { appointment, token } = await waitingPatient(`http://127.0.0.1:${a!.port}`);
    // The same patient's stream on each instance directly, and one through the proxy.
    const streams = [
      openStream(`http://127.0.0.1:${a!.port}/api/video/join/events`, token, ca),
      openStream(`http://127.0.0.1:${b!.port}/api/video/join/events`, token, ca),
      openStream(`${publicUrl}/api/video/join/events`, token, ca),
    ];
    try {
      for (const s of streams)
        await expect.poll(() => lastWaiting(s.text()), { timeout: 30_000 }).toBe('WAITING');
      // The clinician's click lands on one of the two; each instance's stream hears of it.
      await letIn(appointment.id);
      for (const s of streams)
        await expect.poll(() => lastWaiting(s.text()), { timeout: 30_000 }).toBe('ADMITTED');
      expect(streams.map((s) => s.status())).toEqual([200, 200, 200]);
    } finally {
      for (const s of streams) s.close();
    }
  });

  test('a reminder due now is sent exactly once', async () => {
    test.setTimeout(240_000);
    const tag = `${Date.now().toString(36)}${hex(2)}`;
    const mobile = `+6149157${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
    const reminderId = `e2e_rm_${tag}`;
    await withDb(async (c) => {
      const { rows } = await c.query<{ id: string; clinicId: string; userId: string }>(
        `SELECT cl.id, u."clinicId", u.id AS "userId" FROM "Clinician" cl JOIN "User" u ON u.id = cl."userId" WHERE u.email = $1`,
        [demo.clinician],
      );
      const clinician = rows[0]!;
      await c.query(
        `INSERT INTO "Patient" (id, "clinicId", "givenName", "familyName", mobile, timezone, "preferredChannel",
           "messagingConsentAt", "messagingConsentMethod", "messagingConsentById", "updatedAt")
         VALUES ($1, $2, 'Robin', $3, $4, 'Australia/Sydney', 'SMS', now(), 'VERBAL', $5, now())`,
        [`e2e_pt_${tag}`, clinician.clinicId, `Proxytest${tag}`, mobile, clinician.userId],
      );
      await c.query(
        `INSERT INTO "Appointment" (id, "clinicianId", "patientId", "startsAt", "endsAt", kind, status, "updatedAt")
         VALUES ($1, $2, $3, now() + interval '2 days', now() + interval '2 days 50 minutes', 'IN_PERSON', 'BOOKED', now())`,
        [`e2e_ap_${tag}`, clinician.id, `e2e_pt_${tag}`],
      );
      // Due a little while ago, with no job yet: the workers' minute sweep finds it and queues it
      // (the same path that picks up any reminder whose job was lost).
      await c.query(
        `INSERT INTO "Reminder" (id, "appointmentId", "patientId", source, "offsetMinutes", "requestedAt", "dueAt", "updatedAt")
         VALUES ($1, $2, $3, 'STAFF', 2880, now() - interval '2 minutes', now() - interval '2 minutes', now())`,
        [reminderId, `e2e_ap_${tag}`, `e2e_pt_${tag}`],
      );
    });
    const status = () =>
      withDb(
        async (c) =>
          (await c.query<{ status: string }>(`SELECT status FROM "Reminder" WHERE id = $1`, [reminderId]))
            .rows[0]!.status,
      );
    await expect
      .poll(status, { timeout: 200_000, intervals: [2000] })
      .toMatch(/^(SENT|DELIVERED|FAILED|SKIPPED|CANCELLED)$/);
    const outcome = await withDb(async (c) => ({
      reminder: (
        await c.query(`SELECT status, reason, "errorCode" FROM "Reminder" WHERE id = $1`, [reminderId])
      ).rows[0],
      events: (
        await c.query(`SELECT type, detail, "errorCode" FROM "ReminderEvent" WHERE "reminderId" = $1`, [
          reminderId,
        ])
      ).rows,
    }));
    expect(outcome.reminder, JSON.stringify(outcome) + worker.output().slice(-3000)).toMatchObject({
      status: expect.stringMatching(/^(SENT|DELIVERED)$/),
    });
    const outbox = (await (await fetch(`${process.env.E2E_EMULATOR_URL}/__emulator/messages`)).json()) as {
      to: string;
    }[];
    expect(outbox.filter((m) => m.to.endsWith(mobile))).toHaveLength(1);
    const claims = await withDb(
      async (c) =>
        (
          await c.query<{ channel: string; toAddress: string; twilioSid: string | null }>(
            `SELECT channel, "toAddress", "twilioSid" FROM "ReminderMessage" WHERE "reminderId" = $1`,
            [reminderId],
          )
        ).rows,
    );
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ channel: 'SMS', toAddress: mobile });
    expect(claims[0]!.twilioSid).toMatch(/^SM/);
  });

  test('stopping the instance that holds a waiting patient’s stream moves it to the other with the patient still waiting, and letting them in still works', async () => {
    test.setTimeout(180_000);
    const { appointment, token } = await waitingPatient(publicUrl);
    // Nothing else holds a stream now: the staff page shows the waiting list live, so it leaves.
    await staffPage.goto('about:blank');
    await expect
      .poll(async () => (await streamsOpen(instances[0]!.port)) + (await streamsOpen(instances[1]!.port)), {
        timeout: 30_000,
      })
      .toBe(0);
    const first = openStream(`${publicUrl}/api/video/join/events`, token, ca);
    await expect.poll(() => lastWaiting(first.text()), { timeout: 30_000 }).toBe('WAITING');
    let holder = -1;
    await expect
      .poll(async () => {
        const counts = [await streamsOpen(instances[0]!.port), await streamsOpen(instances[1]!.port)];
        holder = counts.indexOf(1);
        return counts.sort().join(',');
      })
      .toBe('0,1');
    const stopping = instances[holder]!;
    const survivor = instances[1 - holder]!;
    const exited = new Promise<number | null>((resolve) =>
      stopping.child.on('exit', (code) => resolve(code)),
    );
    const signalledAt = Date.now();
    stopping.child.kill('SIGTERM');

    // The stream is told to reconnect, and ends.
    await expect.poll(() => first.ended(), { timeout: 15_000 }).toBe(true);
    expect(first.text()).toContain('event: reconnect');
    expect(await exited).toBe(0);

    // The browser reconnects through the proxy: it can only land on the survivor.
    const second = openStream(`${publicUrl}/api/video/join/events`, token, ca);
    try {
      await expect.poll(() => lastWaiting(second.text()), { timeout: 30_000 }).toBe('WAITING');
      expect(second.status()).toBe(200);
      // A figure for the notes, not a bound: from SIGTERM to "waiting" again on the other instance.
      console.info(`patient stream moved to the other instance in ${Date.now() - signalledAt} ms`);
      await expect.poll(() => streamsOpen(survivor.port)).toBeGreaterThanOrEqual(1);
      await letIn(appointment.id);
      await expect.poll(() => lastWaiting(second.text()), { timeout: 30_000 }).toBe('ADMITTED');
    } finally {
      second.close();
    }
  });
});
