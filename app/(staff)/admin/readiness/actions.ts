'use server';

import { refresh } from 'next/cache';

import { requirePermission } from '@/lib/auth/guards';
import { runFormAction } from '@/lib/auth/run-form-action';
import { buildReadinessContext } from '@/lib/readiness/build-context';
import { runCheckOnRequest } from '@/lib/readiness/run-check-on-request';
import { setManualTick } from '@/lib/readiness/set-manual-tick';
import { startTestRun } from '@/lib/readiness/tests/start-test-run';
import { updateMinimumBalance } from '@/lib/readiness/update-readiness-settings';
import { formValues, type FormState } from '@/lib/schemas/form-state';

// POST /admin/readiness – tick (or untick) a Console setting the API cannot see.
export async function setManualTickAction(previous: FormState, formData: FormData): Promise<FormState> {
  const admin = await requirePermission('readiness.manage');
  return runFormAction('readiness.manual_tick_failed', previous, {}, async () => {
    const { ticked } = await setManualTick(admin, {
      item: formData.get('item'),
      ticked: formData.get('ticked'),
    });
    refresh();
    return { status: 'success', message: ticked ? 'Ticked.' : 'Tick removed.' };
  });
}

// POST /admin/readiness – the balance below which the balance check fails.
export async function setMinimumBalanceAction(previous: FormState, formData: FormData): Promise<FormState> {
  const admin = await requirePermission('readiness.manage');
  const values = formValues(formData, ['minimumBalanceUsd']);
  return runFormAction('readiness.minimum_balance_failed', previous, values, async () => {
    await updateMinimumBalance(admin, values);
    refresh();
    return { status: 'success', message: 'Saved. The balance check uses the new minimum.' };
  });
}

// POST /admin/readiness – run a check that creates something at Twilio (the
// test room) once, now; the page shows its stored result from then on.
export async function runCheckAction(previous: FormState, formData: FormData): Promise<FormState> {
  const admin = await requirePermission('readiness.manage');
  return runFormAction('readiness.run_check_failed', previous, {}, async () => {
    const result = await runCheckOnRequest(
      admin,
      { checkId: formData.get('checkId') },
      buildReadinessContext(),
    );
    refresh();
    return { status: 'success', message: `Checked: ${result.summary}` };
  });
}

export type TestRunState = FormState & { runId?: string };

// POST /admin/readiness – start a post-upgrade test; the page then follows it live.
export async function startTestRunAction(previous: TestRunState, formData: FormData): Promise<TestRunState> {
  const admin = await requirePermission('readiness.manage');
  const values = formValues(formData, ['kind', 'to']);
  return runFormAction<{ runId: string }>('readiness.test_failed', previous, values, async () => {
    const { runId } = await startTestRun(admin, values);
    return { status: 'success', message: 'Test started.', values, runId };
  });
}
