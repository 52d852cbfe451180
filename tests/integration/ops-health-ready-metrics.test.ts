// GET /api/health, /api/ready and /api/metrics, called as Next calls them, on
// this file's own migrated database (and an empty one for readiness).
import { NextRequest } from 'next/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { GET as health } from '@/app/api/health/route';
import { GET as metrics } from '@/app/api/metrics/route';
import { GET as ready } from '@/app/api/ready/route';
import { POST as messageStatus } from '@/app/api/twilio/messages/status/route';
import { db, disconnectDb } from '@/lib/db/client';
import { setEnvForThisProcess } from '@/lib/env';
import { createBoss } from '@/lib/jobs/boss';
import { resetMetricsForTests } from '@/lib/ops/metrics';
import { forgetReadiness } from '@/lib/ops/readiness-probe';
import { beginShutdown, resetShutdownForTests } from '@/lib/ops/shutdown';

import { createDatabase, dropDatabase, withDatabase } from '../helpers/database-admin';
import { parsePrometheus } from '../helpers/prometheus-parse';
import {
  createClinician,
  createReminderClinic,
  reminderScenario,
  WHATSAPP_FROM,
} from '../helpers/reminder-fixtures';

const segment = { params: Promise.resolve({}) } as never;
const get = (path: string, headers: Record<string, string> = {}) =>
  new NextRequest(`http://127.0.0.1${path}`, { headers });
const TOKEN = 'metrics-token-for-tests-0123456789';
const fileDatabaseUrl = process.env.DATABASE_URL!;

beforeAll(async () => {
  // The job queue's schema, as a worker's first start leaves it; and one job waiting, already due.
  const boss = createBoss(fileDatabaseUrl, { sendOnly: true });
  await boss.start();
  await boss.createQueue('ops-test-queue');
  await boss.send('ops-test-queue', {}, { startAfter: new Date(Date.now() - 60_000) });
  await boss.stop({ graceful: false });
});

afterEach(() => {
  resetShutdownForTests();
  forgetReadiness();
});

afterAll(() => {
  setEnvForThisProcess('METRICS_TOKEN', '');
});

describe('GET /api/health', () => {
  it('answers 200 {status: ok} while the instance runs, and 503 once it has begun to stop', async () => {
    const up = await health(get('/api/health'), segment);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: 'ok' });
    beginShutdown();
    const stopping = await health(get('/api/health'), segment);
    expect(stopping.status).toBe(503);
    expect(await stopping.json()).toEqual({ status: 'stopping' });
  });
});

describe('GET /api/ready', () => {
  it('is ready when the database answers, every migration is applied, the job queue is there and the configuration is valid', async () => {
    const res = await ready(get('/api/ready'), segment);
    expect(await res.json()).toEqual({
      status: 'ready',
      checks: { configuration: 'ok', database: 'ok', migrations: 'ok', job_queue: 'ok' },
    });
    expect(res.status).toBe(200);
  });

  it('on an empty database names the failing checks (migrations, job queue) and reveals nothing else', async () => {
    const name = `tp_test_empty_${process.pid}_${Date.now().toString(36)}`;
    const emptyUrl = withDatabase(fileDatabaseUrl, name);
    await createDatabase(fileDatabaseUrl, name);
    try {
      await disconnectDb();
      setEnvForThisProcess('DATABASE_URL', emptyUrl);
      const res = await ready(get('/api/ready'), segment);
      expect(res.status).toBe(503);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({
        status: 'not_ready',
        checks: { configuration: 'ok', database: 'ok', migrations: 'failing', job_queue: 'failing' },
      });
      expect(text).not.toMatch(/127\.0\.0\.1|postgres|_prisma_migrations|relation|version/i);
    } finally {
      await disconnectDb();
      setEnvForThisProcess('DATABASE_URL', fileDatabaseUrl);
      await dropDatabase(emptyUrl);
    }
  });

  it('says not ready while the instance stops, so a proxy drains it', async () => {
    beginShutdown();
    const res = await ready(get('/api/ready'), segment);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'not_ready', stopping: true });
  });
});

describe('GET /api/metrics', () => {
  it('is not there (404) while METRICS_TOKEN is unset', async () => {
    setEnvForThisProcess('METRICS_TOKEN', '');
    const res = await metrics(get('/api/metrics', { authorization: `Bearer ${TOKEN}` }), segment);
    expect(res.status).toBe(404);
  });

  it('refuses a missing or wrong bearer token with 401', async () => {
    setEnvForThisProcess('METRICS_TOKEN', TOKEN);
    expect((await metrics(get('/api/metrics'), segment)).status).toBe(401);
    const wrong = await metrics(get('/api/metrics', { authorization: `Bearer ${TOKEN}x` }), segment);
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('with the token, reports requests by route and status, reminders from the database, queue depth and age, in Prometheus text', async () => {
    setEnvForThisProcess('METRICS_TOKEN', TOKEN);
    resetMetricsForTests();
    const clinic = await createReminderClinic();
    const clinicianId = await createClinician(clinic.id);
    const statuses = [
      { status: 'DELIVERED', channel: 'WHATSAPP', isFallback: false },
      { status: 'FAILED', channel: 'WHATSAPP', isFallback: false },
      { status: 'SENT', channel: 'SMS', isFallback: true },
    ] as const;
    for (const s of statuses) {
      const { reminder, patient } = await reminderScenario(clinic.id, clinicianId);
      await db().reminderMessage.create({
        data: {
          reminderId: reminder.id,
          channel: s.channel,
          status: s.status,
          isFallback: s.isFallback,
          toAddress: s.channel === 'SMS' ? patient.mobile : `whatsapp:${patient.mobile}`,
          fromAddress: WHATSAPP_FROM,
          claimToken: `claim-${s.status}`,
        },
      });
    }
    await health(get('/api/health'), segment);
    await health(get('/api/health'), segment);
    // A status callback without Twilio's signature: refused and counted.
    const unsigned = await messageStatus(
      new NextRequest('http://127.0.0.1/api/twilio/messages/status', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'MessageSid=SM00000000000000000000000000000000&MessageStatus=delivered',
      }),
      segment,
    );
    expect(unsigned.status).toBe(403);

    const res = await metrics(get('/api/metrics', { authorization: `Bearer ${TOKEN}` }), segment);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const { types, samples } = parsePrometheus(await res.text());
    const value = (name: string, labels: Record<string, string> = {}) =>
      samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
        ?.value;

    expect(types.get('telehealth_http_requests_total')).toBe('counter');
    expect(value('telehealth_http_requests_total', { route: 'ops.health', status: '200' })).toBe(2);
    expect(value('telehealth_webhook_signature_failures_total', { route: 'twilio.message_status' })).toBe(1);
    expect(value('telehealth_http_requests_total', { route: 'twilio.message_status', status: '403' })).toBe(
      1,
    );
    expect(value('telehealth_reminders_sent')).toBe(2);
    expect(value('telehealth_reminders_failed')).toBe(1);
    expect(value('telehealth_reminders_fell_back')).toBe(1);
    expect(value('telehealth_reminder_messages', { status: 'DELIVERED' })).toBe(1);
    expect(value('telehealth_job_queue_depth', { queue: 'ops-test-queue' })).toBe(1);
    expect(value('telehealth_job_queue_oldest_due_seconds', { queue: 'ops-test-queue' })).toBeGreaterThan(0);
    expect(value('telehealth_event_streams_open')).toBe(0);
  });
});
