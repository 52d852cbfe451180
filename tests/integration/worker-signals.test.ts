// `npm run worker` as systemd runs it: SIGTERM sent to the PID the command
// started reaches the worker (npm execs node), which stops fetching, lets the
// Twilio call it has in flight finish and record its outcome, logs
// worker.stopping and worker.stopped with the time taken, and leaves no
// process behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { databaseUrl, db } from '@/lib/db/client';
import { stopJobSender } from '@/lib/jobs/job-sender';
import { enqueueReminder } from '@/lib/reminders/scheduling/enqueue-reminder';

import { isAlive, processTree } from '../helpers/process-tree';
import {
  createClinician,
  createReminderClinic,
  eventually,
  reminderScenario,
  startReminderHarness,
  type ReminderHarness,
} from '../helpers/reminder-fixtures';

let h: ReminderHarness;

/** Stands between the worker and the emulator: passes everything on, but holds the first message send. */
async function startHoldingTwilio(target: string) {
  let held: (() => void) | null = null;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const pass = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const url = new URL(req.url ?? '/', target);
    const out = httpRequest(url, { method: req.method, headers: { ...req.headers, host: url.host } }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    out.end(body);
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (!held && req.method === 'POST' && /\/Messages\.json$/.test(req.url ?? '')) {
        held = () => pass(req, res, body);
        void released.then(held);
        return;
      }
      pass(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    holding: () => held !== null,
    release,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function collect(child: ChildProcess) {
  const out = { text: '' };
  child.stdout!.on('data', (c: Buffer) => (out.text += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out.text += c.toString()));
  return out;
}

function logLine(text: string, event: string): Record<string, unknown> | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    const parsed = JSON.parse(line) as Record<string, unknown>;
    if (parsed.event === event) return parsed;
  }
  return undefined;
}

beforeAll(async () => {
  h = await startReminderHarness();
});

afterAll(async () => {
  await stopJobSender();
  await h?.stop();
});

describe('npm run worker', () => {
  it('on SIGTERM to its PID, finishes the Twilio call in flight, logs stopping and stopped, and leaves no process behind', async () => {
    const twilio = await startHoldingTwilio(h.emulator.url);
    const clinic = await createReminderClinic();
    const clinicianId = await createClinician(clinic.id);
    const { reminder, patient } = await reminderScenario(clinic.id, clinicianId);

    // What process.env holds for this file (the harness's Twilio settings), checked as production.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => k.startsWith('TWILIO_') || ['PATH', 'HOME'].includes(k)),
    );
    const child = spawn('npm', ['run', 'worker', '--silent'], {
      env: {
        ...env,
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        DATABASE_URL: databaseUrl(),
        APP_URL: process.env.APP_URL!,
        AUTH_SECRET: 'integration-test-auth-secret-0123456789abcdef',
        TWILIO_STATUS_CALLBACK_URL: `${process.env.APP_URL}/api/appointments/twilio-status-callback/`,
        TWILIO_EMULATOR: '1',
        TWILIO_EMULATOR_URL: twilio.url,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = collect(child);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await eventually(async () => expect(logLine(output.text, 'worker.started')).toBeDefined(), 60_000);
      await enqueueReminder(reminder.id, new Date());
      // The worker has called Twilio to send the reminder and waits for the answer.
      await eventually(async () => expect(twilio.holding()).toBe(true), 60_000);

      const tree = processTree(child.pid!);
      expect(tree.length).toBeGreaterThanOrEqual(2); // npm, and the node it exec'd
      child.kill('SIGTERM');
      await eventually(async () => expect(logLine(output.text, 'worker.stopping')).toBeDefined(), 30_000);
      // Twilio answers only now, after the stop began: the worker still records it.
      twilio.release();

      expect(await exited).toBe(0);
      await eventually(async () => expect(tree.filter(isAlive)).toEqual([]), 30_000);
      const stopped = logLine(output.text, 'worker.stopped');
      expect(stopped).toMatchObject({ signal: 'SIGTERM' });
      expect(stopped!.ms).toBeLessThan(30_000);
      expect(logLine(output.text, 'worker.forced_stop')).toBeUndefined();
      console.info(`worker stop with one Twilio call in flight: ${String(stopped!.ms)} ms`);

      const messages = await db().reminderMessage.findMany({ where: { reminderId: reminder.id } });
      expect(messages).toHaveLength(1);
      expect(messages[0]!.twilioSid).toMatch(/^SM/);
      expect(h.emulator.outbox().filter((m) => m.to.endsWith(patient.mobile))).toHaveLength(1);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      twilio.release();
      await twilio.close();
    }
  }, 120_000);
});
