// At 9 am thousands of reminders can be due at once. An SMS fallback (its
// WhatsApp message just failed) must not wait behind them: the worker's next
// fetch takes it first. No worker runs here, so the queue's order is read
// straight from pg-boss, as a worker would fetch it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { databaseUrl } from '@/lib/db/client';
import { createBoss, type Boss } from '@/lib/jobs/boss';
import { enqueueReminder } from '@/lib/reminders/scheduling/enqueue-reminder';
import { sendReminderQueue } from '@/lib/jobs/reminder-queues';
import { sendReminder } from '@/lib/reminders/sending/send-reminder';

import { eventually } from '../helpers/reminder-fixtures';
import { setUpReminderSuite } from '../helpers/reminder-suite';

const suite = setUpReminderSuite();
let boss: Boss;

beforeAll(async () => {
  boss = createBoss(databaseUrl(), { sendOnly: true });
  await boss.start();
});

afterAll(async () => {
  await boss?.stop({ graceful: false, timeout: 2000 });
});

describe('the reminder queue', () => {
  it('hands a worker the SMS fallback of a failed WhatsApp message before 30 reminders that were due earlier', async () => {
    const waiting: string[] = [];
    for (let i = 0; i < 30; i++) {
      const { reminder } = await suite.scenario();
      await enqueueReminder(reminder.id, new Date(Date.now() - 60_000));
      waiting.push(reminder.id);
    }
    const failing = await suite.scenario();
    suite.h.emulator.setMessageOutcome({
      to: failing.patient.mobile,
      status: 'failed',
      errorCode: 63016,
      times: 1,
    });
    expect(await sendReminder(failing.reminder.id, { client: suite.h.client() })).toBe('ACCEPTED');

    // The emulator's signed "failed" callback reaches the status route, which queues the fallback.
    const first = await eventually(async () => {
      const jobs = await boss.findJobs<{ reminderId: string }>(sendReminderQueue.name, {
        data: { reminderId: failing.reminder.id },
      });
      expect(jobs.filter((j) => j.state === 'created')).toHaveLength(1);
      const [job] =
        (await boss.fetch<{ reminderId: string }>(sendReminderQueue.name, { batchSize: 1 })) ?? [];
      return job!;
    }, 15_000);
    expect(first.data.reminderId).toBe(failing.reminder.id);

    // Then the rest, oldest first.
    const next = await boss.fetch<{ reminderId: string }>(sendReminderQueue.name, { batchSize: 30 });
    expect(next.map((j) => j.data.reminderId).sort()).toEqual([...waiting].sort());
  });
});
