// The job queue runs on the same PostgreSQL as the portal (the embedded server
// when DATABASE_URL is unset): delayed jobs run when due, once.
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { expectLogError } from '@/tests/helpers/log-capture';

import { databaseUrl, db } from '@/lib/db/client';
import { createBoss, startWorking } from '@/lib/jobs/boss';
import { defineJob } from '@/lib/jobs/define-job';
import { purgeAuthSessions } from '@/lib/worker/handlers/purge-auth-sessions';

describe('pg-boss on the portal database', () => {
  const boss = createBoss(databaseUrl());
  afterAll(async () => {
    await boss.stop({ graceful: false, timeout: 2000 });
  });

  it('runs a job sent with startAfter once it is due, and only once', async () => {
    const ran: { id: string; at: number }[] = [];
    const job = defineJob({
      name: 'test.delayed',
      payload: z.object({ n: z.number() }),
      handler: async (_payload, meta) => {
        ran.push({ id: meta.jobId, at: Date.now() });
      },
    });
    await boss.start();
    await startWorking(boss, [job], { pollingIntervalSeconds: 0.5 });
    const sentAt = Date.now();
    const id = await boss.send('test.delayed', { n: 1 }, { startAfter: 2 });
    expect(id).toBeTruthy();
    // However long a busy machine takes to run it; once completed it cannot run again.
    await expect
      .poll(async () => (await boss.getJobById('test.delayed', id!))?.state, {
        timeout: 60_000,
        interval: 200,
      })
      .toBe('completed');
    expect(ran).toHaveLength(1);
    expect(ran[0]!.id).toBe(id);
    expect(ran[0]!.at - sentAt).toBeGreaterThanOrEqual(1900);
  });

  it('stops a job whose payload does not match its schema: no handler call, no retry', async () => {
    let calls = 0;
    const job = defineJob({
      name: 'test.strict',
      payload: z.object({ n: z.number() }),
      retryLimit: 3,
      handler: async () => {
        calls++;
      },
    });
    await startWorking(boss, [job], { pollingIntervalSeconds: 0.5 });
    const found = await expectLogError('jobs.invalid_payload', async () => {
      const id = await boss.send('test.strict', { n: 'not a number' });
      // Wait for the outcome, however long a busy machine takes to reach it.
      await expect
        .poll(async () => (await boss.getJobById('test.strict', id!))?.state, {
          timeout: 60_000,
          interval: 200,
        })
        .toBe('cancelled');
      return boss.getJobById('test.strict', id!);
    });
    expect(calls).toBe(0);
    expect(found?.state).toBe('cancelled');
    expect(found?.output).toMatchObject({ reason: 'invalid payload' });
  });
});

describe('purge of ended sign-in sessions', () => {
  it('deletes sessions that expired or were revoked over a day ago and keeps live ones', async () => {
    const clinic = await db().clinic.create({ data: { name: 'Test clinic' } });
    const user = await db().user.create({
      data: { clinicId: clinic.id, email: 'purge@test.example', name: 'P', role: 'STAFF', passwordHash: 'x' },
    });
    const now = new Date('2026-11-25T00:00:00Z');
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
    await db().authSession.createMany({
      data: [
        { userId: user.id, expiresAt: hoursAgo(30) },
        { userId: user.id, expiresAt: hoursAgo(-5), revokedAt: hoursAgo(25) },
        { userId: user.id, expiresAt: hoursAgo(-5) },
        { userId: user.id, expiresAt: hoursAgo(2) },
      ],
    });
    expect(await purgeAuthSessions(now)).toBe(2);
    expect(await db().authSession.count()).toBe(2);
  });
});
