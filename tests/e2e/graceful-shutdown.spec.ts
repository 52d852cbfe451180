// `npm start` as systemd runs it, on the e2e build and database, beside the
// suite's own server: SIGTERM to the PID the command started reaches the
// server (npm execs node, Next runs in that process), which tells the open
// event streams to reconnect elsewhere, finishes the request in flight and
// exits within 10 s, leaving no process behind.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import { isAlive, processTree } from '../helpers/process-tree';
import { parsePrometheus } from '../helpers/prometheus-parse';
import { demo, signIn } from './support';

const ROOT = path.join(import.meta.dirname, '..', '..');
const METRICS_TOKEN = randomBytes(24).toString('hex');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function logEvent(text: string, event: string): Record<string, unknown> | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    const parsed = JSON.parse(line) as Record<string, unknown>;
    if (parsed.event === event) return parsed;
  }
  return undefined;
}

test('SIGTERM to npm start: event streams told to reconnect, the request in flight answered, the whole process tree gone within 10 s', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const hex = (n: number) => randomBytes(n).toString('hex');
  const child = spawn('npm', ['start', '--silent', '--', '--hostname', '127.0.0.1'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      PORT: String(port),
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      APP_URL: url,
      AUTH_SECRET: hex(32),
      TWILIO_ACCOUNT_SID: process.env.E2E_TWILIO_ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: process.env.E2E_TWILIO_AUTH_TOKEN,
      TWILIO_API_KEY: `SK${hex(16)}`,
      TWILIO_API_SECRET: hex(16),
      TWILIO_PHONE_NUMBER: '+61491570156',
      TWILIO_STATUS_CALLBACK_URL: `${url}/api/appointments/twilio-status-callback/`,
      TWILIO_EMULATOR: '1',
      TWILIO_EMULATOR_URL: process.env.E2E_EMULATOR_URL,
      METRICS_TOKEN,
      // The suite's test build (next.config.js reads these to find it).
      VIDEO_TEST_BUILD: '1',
      ...(process.env.E2E_DIST_DIR ? { E2E_DIST_DIR: process.env.E2E_DIST_DIR } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  try {
    await expect
      .poll(async () => (await fetch(`${url}/api/health`).catch(() => null))?.status, { timeout: 90_000 })
      .toBe(200);

    // A clinician on the dashboard: its waiting list follows a live event stream.
    const context = await browser.newContext({ baseURL: url });
    const page = await context.newPage();
    await signIn(page, demo.clinician);
    await page.evaluate(() => {
      const w = window as unknown as { sse: { text: string; done: boolean } };
      w.sse = { text: '', done: false };
      void fetch('/api/video/staff/waiting-list/events').then(async (response) => {
        const reader = response.body!.getReader();
        const decoder = new TextDecoder();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          w.sse.text += decoder.decode(value, { stream: true });
        }
        w.sse.done = true;
      });
    });
    const sse = () =>
      page.evaluate(() => (window as unknown as { sse: { text: string; done: boolean } }).sse);
    await expect.poll(async () => (await sse()).text).toContain('event: state');
    // A request in flight: a webhook whose body is only half sent when the stop begins (sent before
    // the metrics requests below, so the server has its headers by the time the signal comes).
    const body = 'MessageSid=SM00000000000000000000000000000000&MessageStatus=delivered';
    const inFlight = new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${url}/api/twilio/messages/status`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': String(body.length),
        },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(body.slice(0, 20));
      (globalThis as { finishInFlight?: () => void }).finishInFlight = () => req.end(body.slice(20));
    });
    // The metrics see the open streams on this instance (ours, and the dashboard's own if it has one).
    const streamsOpen = async () => {
      const res = await fetch(`${url}/api/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      const { samples } = parsePrometheus(await res.text());
      return samples.find((s) => s.name === 'telehealth_event_streams_open')?.value;
    };
    await expect.poll(streamsOpen).toBeGreaterThanOrEqual(1);

    await expect.poll(() => output).toContain('"event":"server.started"');

    const tree = processTree(child.pid!);
    expect(tree.length).toBeGreaterThanOrEqual(2); // npm, and the node it exec'd
    child.kill('SIGTERM');

    // Every open stream gets the retry hint and a reconnect event, then ends.
    await expect.poll(async () => (await sse()).done, { timeout: 15_000 }).toBe(true);
    expect((await sse()).text).toContain('retry: 1000\nevent: reconnect\n');
    // The request that was in flight is answered (Twilio's signature is missing: 403), not cut.
    (globalThis as { finishInFlight?: () => void }).finishInFlight!();
    expect(await inFlight).toBe(403);

    expect(await exited).toBe(0);
    await expect.poll(() => tree.filter(isAlive), { timeout: 15_000 }).toEqual([]);
    const stopped = logEvent(output, 'server.stopped');
    expect(stopped).toMatchObject({ signal: 'SIGTERM', forced: false });
    expect(stopped!.streamsClosed).toBeGreaterThanOrEqual(1);
    expect(stopped!.ms).toBeLessThan(10_000);
    console.info(
      `web server stop: ${String(stopped!.ms)} ms, ${String(stopped!.streamsClosed)} streams closed`,
    );
    await context.close();
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});
