// The reminder engine through pg-boss, as `npm run worker` runs it: two
// workers sharing 500 due reminders (with every job delivered twice) send
// each exactly once; a 429 is retried with backoff; a WhatsApp failure
// reported by callback becomes one SMS without anyone calling sendReminder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { databaseUrl, db } from '@/lib/db/client';
import { createBoss, startWorking, type Boss } from '@/lib/jobs/boss';
import { defineJob, type JobDefinition } from '@/lib/jobs/define-job';
import { sendReminderJob } from '@/lib/worker/handlers/send-reminder';
import { enqueueReminder } from '@/lib/reminders/scheduling/enqueue-reminder';
import { sendReminderQueue } from '@/lib/jobs/reminder-queues';

import { deliveredState, eventually, failNextMessageTo } from '../helpers/reminder-fixtures';
import { setUpReminderSuite } from '../helpers/reminder-suite';

const suite = setUpReminderSuite({ resetEachTest: true });
const workers: Boss[] = [];
// Quick retries for the test; the same handler and queue otherwise.
const job = defineJob({ ...sendReminderJob, retryDelaySeconds: 1, retryDelayMaxSeconds: 2 });

async function startWorker(): Promise<Boss> {
  const boss = createBoss(databaseUrl());
  await boss.start();
  await startWorking(boss, [job as unknown as JobDefinition], { pollingIntervalSeconds: 0.5 });
  workers.push(boss);
  return boss;
}

beforeAll(async () => {
  await startWorker();
  await startWorker();
});

afterAll(async () => {
  for (const w of workers) await w.stop({ graceful: false, timeout: 2000 });
});

describe('two workers', () => {
  it('send 500 due reminders, each job delivered twice, with not one duplicate message', async () => {
    const N = 500;
    const mobiles = Array.from({ length: N }, (_, i) => `+6142${String(i).padStart(7, '0')}`);
    const patients = await db().patient.createManyAndReturn({
      data: mobiles.map((mobile, i) => ({
        clinicId: suite.clinicId,
        givenName: 'Bulk',
        familyName: `Patient${i}`,
        mobile,
        messagingConsentAt: new Date('2026-01-01T00:00:00Z'),
        messagingConsentMethod: 'VERBAL' as const,
        whatsappConsent: i % 2 === 0,
      })),
      select: { id: true },
    });
    const startsAt = new Date(Date.now() + 3 * 3600_000);
    const appointments = await db().appointment.createManyAndReturn({
      data: patients.map((p, i) => ({
        clinicianId: suite.clinicianId,
        patientId: p.id,
        startsAt: new Date(startsAt.getTime() + i * 60_000),
        endsAt: new Date(startsAt.getTime() + i * 60_000 + 50 * 60_000),
        kind: 'IN_PERSON' as const,
      })),
      select: { id: true, patientId: true },
    });
    const now = new Date();
    const reminders = await db().reminder.createManyAndReturn({
      data: appointments.map((a) => ({
        appointmentId: a.id,
        patientId: a.patientId,
        source: 'STAFF' as const,
        offsetMinutes: 60,
        requestedAt: now,
        dueAt: now,
      })),
      select: { id: true },
    });
    // Every reminder's job twice, as a redelivery or a second enqueue would leave it.
    const boss = workers[0]!;
    const jobs = reminders.flatMap((r) => [{ data: { reminderId: r.id } }, { data: { reminderId: r.id } }]);
    await boss.insert(sendReminderQueue.name, jobs);

    await eventually(async () => {
      const pending = await db().reminder.count({
        where: { id: { in: reminders.map((r) => r.id) }, status: { in: ['SCHEDULED', 'SENDING'] } },
      });
      expect(pending).toBe(0);
    }, 120_000);
    const outbox = suite.h.emulator.outbox().filter((m) => mobiles.includes(m.to.replace(/^whatsapp:/, '')));
    expect(outbox).toHaveLength(N);
    expect(new Set(outbox.map((m) => m.to.replace(/^whatsapp:/, ''))).size).toBe(N);
    expect(outbox.filter((m) => m.to.startsWith('whatsapp:'))).toHaveLength(N / 2);
    expect(
      await db().reminderMessage.count({ where: { reminderId: { in: reminders.map((r) => r.id) } } }),
    ).toBe(N);
  }, 180_000);
});

describe('through the queue', () => {
  it('retries a reminder Twilio rate-limited (429) with backoff and sends it once', async () => {
    const { patient, reminder } = await suite.scenario();
    suite.h.emulator.injectFailure({
      path: '/2010-04-01/Accounts/*/Messages.json',
      fault: { type: 'rate-limit' },
      times: 2,
    });
    await enqueueReminder(reminder.id, new Date());
    const state = await deliveredState(reminder.id, 20_000);
    expect(suite.h.emulator.outbox().filter((m) => m.to.endsWith(patient.mobile))).toHaveLength(1);
    expect(state.messages[0]).toMatchObject({ attempts: 3 });
    expect(state.events.filter((e) => e.type === 'RETRYING')).toHaveLength(2);
  });

  it('turns a WhatsApp failure reported by callback into exactly one SMS, with no one calling sendReminder', async () => {
    const { patient, reminder } = await suite.scenario();
    failNextMessageTo(suite.h, patient.mobile, 'undelivered', 63016);
    await enqueueReminder(reminder.id, new Date());
    const state = await deliveredState(reminder.id, 30_000);
    expect(state.messages).toMatchObject([
      { channel: 'WHATSAPP', status: 'UNDELIVERED', errorCode: 63016 },
      { channel: 'SMS', status: 'DELIVERED', isFallback: true },
    ]);
    expect(
      suite.h.emulator
        .outbox()
        .filter((m) => m.to.endsWith(patient.mobile))
        .map((m) => m.to),
    ).toEqual([`whatsapp:${patient.mobile}`, patient.mobile]);
  });
});
