// Settings cached per process agree across processes: a change committed in
// one process reaches another process's cache through the settings_changed
// notice (sent by the database on commit), and a listener that loses its
// connection never leaves a stale cache behind. The other process is a real
// second Node process (tsx) loading the real cache module. Waits are for
// outcomes, bounded generously; the delays seen are printed for the notes.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { databaseUrl, db } from '@/lib/db/client';
import { closeNotifyListener, dropNotifyConnectionForTest, isListening } from '@/lib/db/notify-listener';
import { settingsWatchReady, watchSettings } from '@/lib/db/settings-changed';
import { getReminderConfig } from '@/lib/reminders/templates/get-reminder-config';

type Answer = { reminder: string; cancelNotice: string; phone: string | null; heard: string[] };

/** Bounds every wait below: far above the delays seen, so only a real failure reaches it. */
const GENEROUS_MS = 20_000;

let child: ChildProcessWithoutNullStreams;
let childErrors = '';
let lines: AsyncIterator<string>;
let clinicId: string;
const delays: number[] = [];

beforeAll(async () => {
  const clinic = await db().clinic.create({
    data: { name: 'Settings clinic', timezone: 'Australia/Sydney', contactPhone: '02 5550 0001' },
  });
  clinicId = clinic.id;
  child = spawn(
    process.execPath,
    [
      join(process.cwd(), 'node_modules/tsx/dist/cli.mjs'),
      '--conditions=react-server',
      'tests/helpers/settings-cache-process.ts',
    ],
    {
      cwd: process.cwd(),
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'development',
        LOG_LEVEL: 'silent',
        DATABASE_URL: databaseUrl(),
      },
    },
  );
  child.stderr.on('data', (chunk: Buffer) => (childErrors = (childErrors + chunk.toString()).slice(-4000)));
  lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  expect(JSON.parse(await nextLine())).toEqual({ ready: true });
});

afterAll(async () => {
  child?.stdin.end();
  await closeNotifyListener();
  if (delays.length) {
    const sorted = [...delays].sort((a, b) => a - b);
    process.stdout.write(
      `settings_changed: another process used the new setting after ${sorted
        .map((ms) => ms.toFixed(1))
        .join(', ')} ms (median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms)\n`,
    );
  }
});

async function nextLine(): Promise<string> {
  const line = await lines.next();
  if (line.done) throw new Error(`the other process stopped: ${childErrors}`);
  return line.value;
}

/** What the other process's cache gives now. */
async function ask(): Promise<Answer> {
  child.stdin.write(`${JSON.stringify({ clinicId })}\n`);
  return JSON.parse(await nextLine()) as Answer;
}

/** Asks until `done` holds; returns the last answer and how long that took. */
async function askUntil(done: (answer: Answer) => boolean): Promise<{ answer: Answer; ms: number }> {
  const started = performance.now();
  for (;;) {
    const answer = await ask();
    const ms = performance.now() - started;
    if (done(answer)) return { answer, ms };
    if (ms > GENEROUS_MS) throw new Error(`the other process still answers ${JSON.stringify(answer)}`);
  }
}

const setReminderText = (smsBody: string) =>
  db().reminderTemplate.upsert({
    where: { clinicId_kind: { clinicId, kind: 'TELEHEALTH' } },
    create: { clinicId, kind: 'TELEHEALTH', smsBody },
    update: { smsBody },
  });

describe('a setting changed in one process', () => {
  it("reaches another process's cached reminder template through the notice, not its expiry", async () => {
    const before = await ask();
    expect((await ask()).reminder).toBe(before.reminder); // now cached there
    const notices = (a: Answer) => a.heard.filter((h) => h === `ReminderTemplate:${clinicId}`).length;
    for (let round = 1; round <= 5; round++) {
      const heardBefore = notices(await ask());
      const text = `Reminder text, version ${round} {link} {optout}`;
      await setReminderText(text);
      const { answer, ms } = await askUntil((a) => a.reminder === text);
      expect(notices(answer)).toBeGreaterThan(heardBefore);
      delays.push(ms);
    }
  });

  it("reaches the other process's cached change-notice template and the clinic's phone", async () => {
    await ask();
    await db().changeNoticeTemplate.create({
      data: { clinicId, notice: 'CANCELLED', kind: 'TELEHEALTH', smsBody: 'Cancelled: new text {optout}' },
    });
    const notice = await askUntil((a) => a.cancelNotice === 'Cancelled: new text {optout}');
    expect(notice.answer.heard).toContain(`ChangeNoticeTemplate:${clinicId}`);
    delays.push(notice.ms);

    await db().clinic.update({ where: { id: clinicId }, data: { contactPhone: '02 5550 0002' } });
    const phone = await askUntil((a) => a.phone === '02 5550 0002');
    expect(phone.answer.heard).toContain(`Clinic:${clinicId}`);
    delays.push(phone.ms);
  });

  it('is announced only when its transaction commits', async () => {
    const committed = (await ask()).reminder;
    const other = new pg.Client({ connectionString: databaseUrl() });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query(`UPDATE "ReminderTemplate" SET "smsBody" = $1 WHERE "clinicId" = $2`, [
        'Uncommitted text {link} {optout}',
        clinicId,
      ]);
      const heardBefore = (await ask()).heard.length;
      const during = await ask();
      expect(during.reminder).toBe(committed);
      expect(during.heard.length).toBe(heardBefore);
      await other.query('COMMIT');
    } finally {
      await other.end();
    }
    const { ms } = await askUntil((a) => a.reminder === 'Uncommitted text {link} {optout}');
    delays.push(ms);
  });
});

describe('a listener that loses its connection', () => {
  it('drops every cached setting, serves none while down, and hears changes again once back', async () => {
    const forgot: string[] = [];
    watchSettings((change) => forgot.push(change === 'everything' ? 'everything' : change.setting));
    await settingsWatchReady();
    await setReminderText('Before the drop {link} {optout}');
    // Cached here, listening.
    await waitUntil(
      async () =>
        (await getReminderConfig(clinicId)).templates.TELEHEALTH.smsBody ===
        'Before the drop {link} {optout}',
    );
    expect(isListening()).toBe(true);

    dropNotifyConnectionForTest();
    expect(forgot).toContain('everything');
    expect(isListening()).toBe(false);
    forgot.length = 0;
    // Changed while this process hears nothing: the notice is lost to it.
    await setReminderText('While down {link} {optout}');
    expect((await getReminderConfig(clinicId)).templates.TELEHEALTH.smsBody).toBe(
      'While down {link} {optout}',
    );

    await waitUntil(() => isListening());
    // Reconnected: everything is forgotten again (notices may have been missed meanwhile).
    await waitUntil(() => forgot.includes('everything'));
    await setReminderText('After the reconnect {link} {optout}');
    await waitUntil(() => forgot.includes('ReminderTemplate'));
    expect((await getReminderConfig(clinicId)).templates.TELEHEALTH.smsBody).toBe(
      'After the reconnect {link} {optout}',
    );
  });
});

async function waitUntil(condition: () => boolean | Promise<boolean>): Promise<void> {
  const started = performance.now();
  while (!(await condition())) {
    if (performance.now() - started > GENEROUS_MS) throw new Error('the condition never held');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
