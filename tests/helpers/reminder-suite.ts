// One file's reminders set-up: the harness (emulator and webhook routes) starts
// and a clinic is made before the file's tests; the job sender and the harness
// stop after them.
import { afterAll, beforeAll, beforeEach } from 'vitest';

import { stopJobSender } from '@/lib/jobs/job-sender';

import {
  createClinician,
  createReminderClinic,
  reminderScenario,
  startReminderHarness,
  type ReminderHarness,
} from './reminder-fixtures';

type ScenarioOptions =
  Parameters<typeof reminderScenario> extends [string, string, ...infer Rest] ? Rest : never;

export type ReminderSuite = {
  h: ReminderHarness;
  clinicId: string;
  /** Empty when the suite was set up with `clinician: false`. */
  clinicianId: string;
  /** reminderScenario in this suite's clinic, with its clinician. */
  scenario(...options: ScenarioOptions): ReturnType<typeof reminderScenario>;
};

/**
 * Tests read the harness and the clinic (with a clinician unless
 * `clinician: false`) from the returned suite once beforeAll has run.
 * `resetEachTest` empties the emulator's outbox and outcomes before each test.
 */
export function setUpReminderSuite(
  options: {
    messageStepMs?: number;
    timezone?: string;
    clinician?: boolean;
    resetEachTest?: boolean;
  } = {},
): ReminderSuite {
  const suite = {
    scenario: (...rest: ScenarioOptions) => reminderScenario(suite.clinicId, suite.clinicianId, ...rest),
  } as ReminderSuite;
  beforeAll(async () => {
    suite.h = await startReminderHarness({ messageStepMs: options.messageStepMs });
    suite.clinicId = (await createReminderClinic(options.timezone ? { timezone: options.timezone } : {})).id;
    suite.clinicianId = options.clinician === false ? '' : await createClinician(suite.clinicId);
  });
  if (options.resetEachTest) beforeEach(() => suite.h.emulator.reset());
  afterAll(async () => {
    await stopJobSender();
    await suite.h?.stop();
  });
  return suite;
}
