'use client';

import { useActionState, useEffect, useState } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import type { TestRunView } from '@/lib/readiness/tests/get-test-run';
import { zoneAbbreviation } from '@/lib/reminders/templates/render-template';
import { formatInTimeZone } from '@/lib/time/clinic-time';

import { startTestRunAction, type TestRunState } from '../actions';

const tests: Array<{ kind: TestRunView['kind']; label: string; needsNumber: boolean; hint: string }> = [
  {
    kind: 'VIDEO_ROOM',
    label: 'Create and complete a test video room',
    needsNumber: false,
    hint: 'Creates an empty room in the media region, ends it, and waits for Twilio’s status callbacks.',
  },
  {
    kind: 'WHATSAPP',
    label: 'Send a test WhatsApp',
    needsNumber: true,
    hint: 'Plain text, which WhatsApp only delivers within 24 hours of that phone messaging the clinic’s WhatsApp number: send it any message first.',
  },
  {
    kind: 'SMS',
    label: 'Send a test SMS',
    needsNumber: true,
    hint: 'One short SMS from the clinic’s number.',
  },
  {
    kind: 'SMS_FALLBACK',
    label: 'Force the SMS fallback',
    needsNumber: true,
    hint: 'Sends plain-text WhatsApp that WhatsApp must refuse (use a phone that has not messaged the clinic for 24 hours), then the SMS fallback.',
  },
];

const initialState: TestRunState = { status: 'idle', attempt: 0 };
const pollMs = 1000;
const maxPolls = 300;

function statusText(run: TestRunView): string {
  return run.status === 'RUNNING' ? 'Running…' : run.status === 'PASSED' ? 'Passed' : 'Failed';
}

/** Follows one test run by polling until it passes or fails. */
function useTestRun(runId: string | undefined): TestRunView | null {
  const [run, setRun] = useState<TestRunView | null>(null);
  useEffect(() => {
    if (!runId) return;
    let stopped = false;
    let polls = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      polls += 1;
      try {
        const response = await fetch(`/api/admin/readiness/test-runs/${runId}`, { cache: 'no-store' });
        if (response.ok) {
          const next = (await response.json()) as TestRunView;
          if (stopped) return;
          setRun(next);
          if (next.status !== 'RUNNING') return;
        }
      } catch {
        // A dropped poll is retried at the next tick.
      }
      if (!stopped && polls < maxPolls) timer = setTimeout(poll, pollMs);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [runId]);
  return run?.id === runId ? run : null;
}

/** A callback's time on the clinic's clock, zone named, as on every other page. */
function clinicTime(iso: string, timeZone: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${formatInTimeZone(d, timeZone, 'h:mm:ss aaa')} ${zoneAbbreviation(d, timeZone)}`;
}

function RunResult({ run, timeZone }: { run: TestRunView; timeZone: string }) {
  return (
    <div
      className="flex flex-col gap-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
      data-test-status={run.status}
    >
      <p>
        <strong className="font-semibold">{statusText(run)}</strong>
        {run.toHint ? <span className="text-slate-600"> (to the number ending {run.toHint})</span> : null}
        {run.outcome ? <span>: {run.outcome}</span> : null}
      </p>
      <h4 className="font-medium">Callbacks received</h4>
      {run.events.length === 0 ? (
        <p className="text-slate-600">None yet.</p>
      ) : (
        <ol className="list-decimal pl-5">
          {run.events.map((e) => (
            <li key={`${e.at}-${e.label}`}>
              <time dateTime={e.at}>{clinicTime(e.at, timeZone)}</time> {e.label}
              {e.errorCode ? ` (error ${e.errorCode}: ${e.meaning ?? ''})` : ''}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function TestForm({ test, timeZone }: { test: (typeof tests)[number]; timeZone: string }) {
  const [state, action, pending] = useActionState(startTestRunAction, initialState);
  const run = useTestRun(state.runId);
  const id = `test-${test.kind.toLowerCase()}`;
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 id={`${id}-title`} className="font-semibold">
        {test.label}
      </h3>
      <p className="text-sm text-slate-700">{test.hint}</p>
      <form action={action} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="kind" value={test.kind} />
        {test.needsNumber ? (
          <TextField
            id={`${id}-to`}
            label="Mobile number"
            name="to"
            type="tel"
            autoComplete="off"
            defaultValue={state.values?.to ?? ''}
            errors={state.fieldErrors?.to}
          />
        ) : null}
        <Button type="submit" disabled={pending}>
          {pending ? 'Starting…' : 'Run test'}
        </Button>
      </form>
      {state.status === 'error' && state.message ? <Alert tone="error">{state.message}</Alert> : null}
      <div aria-live="polite">{run ? <RunResult run={run} timeZone={timeZone} /> : null}</div>
    </section>
  );
}

export function TestPanel({ timeZone }: { timeZone: string }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {tests.map((test) => (
        <TestForm key={test.kind} test={test} timeZone={timeZone} />
      ))}
    </div>
  );
}
