'use server';

import { changeAction } from '@/lib/http/change-action';
import { formAction } from '@/lib/http/form-action';
import { buildReadinessContext } from '@/lib/readiness/build-context';
import { runCheckOnRequest } from '@/lib/readiness/run-check-on-request';
import { setManualTick } from '@/lib/readiness/set-manual-tick';
import { startTestRun } from '@/lib/readiness/tests/start-test-run';
import { updateMinimumBalance } from '@/lib/readiness/update-readiness-settings';
import type { FormState } from '@/lib/schemas/form-state';
import { textFields } from '@/lib/schemas/safe-text';

const manualTickForm = textFields({ item: 64, ticked: 16 });
const minimumBalanceForm = textFields({ minimumBalanceUsd: 32 });
const runCheckForm = textFields({ checkId: 64 });
const testRunForm = textFields({ kind: 32, to: 64 });

// POST /admin/readiness – tick (or untick) a Console setting the API cannot see.
export async function setManualTickAction(previous: FormState, formData: FormData): Promise<FormState> {
  return changeAction(
    { event: 'readiness.manual_tick_failed', schema: manualTickForm, permission: 'readiness.manage' },
    previous,
    formData,
    setManualTick,
    ({ ticked }) => (ticked ? 'Ticked.' : 'Tick removed.'),
  );
}

// POST /admin/readiness – the balance below which the balance check fails.
export async function setMinimumBalanceAction(previous: FormState, formData: FormData): Promise<FormState> {
  return changeAction(
    { event: 'readiness.minimum_balance_failed', schema: minimumBalanceForm, permission: 'readiness.manage' },
    previous,
    formData,
    updateMinimumBalance,
    'Saved. The balance check uses the new minimum.',
  );
}

// POST /admin/readiness – run a check that creates something at Twilio (the
// test room) once, now; the page shows its stored result from then on.
export async function runCheckAction(previous: FormState, formData: FormData): Promise<FormState> {
  return changeAction(
    { event: 'readiness.run_check_failed', schema: runCheckForm, permission: 'readiness.manage' },
    previous,
    formData,
    (user, input) => runCheckOnRequest(user, input, buildReadinessContext()),
    (result) => `Checked: ${result.summary}`,
  );
}

export type TestRunState = FormState & { runId?: string };

// POST /admin/readiness – start a post-upgrade test; the page then follows it live.
export async function startTestRunAction(previous: TestRunState, formData: FormData): Promise<TestRunState> {
  return formAction<typeof testRunForm, { runId: string }, 'readiness.manage'>(
    {
      event: 'readiness.test_failed',
      schema: testRunForm,
      fields: ['kind', 'to'],
      permission: 'readiness.manage',
    },
    previous,
    formData,
    async (input, { user, values }) => {
      const { runId } = await startTestRun(user, input);
      return { status: 'success', message: 'Test started.', values, runId };
    },
  );
}
