'use client';

import { useActionState } from 'react';

import { Button } from '@/components/ui/button';
import { ActionError } from '@/components/ui/form-outcome';
import { initialFormState } from '@/lib/schemas/form-state';

import { runCheckAction } from '../actions';

/** "Run this check" for a check that creates something at Twilio: it runs only on this click. */
export function RunCheckForm({
  checkId,
  title,
  creates,
  lastRun,
}: {
  checkId: string;
  title: string;
  creates: string;
  /** "Last run 5 Dec 2026, 10:15 am (Australia/Sydney) by Ada", or null when never run. */
  lastRun: string | null;
}) {
  const [state, action, pending] = useActionState(runCheckAction, initialFormState);
  return (
    <form action={action} className="mt-1 flex flex-col gap-2">
      <input type="hidden" name="checkId" value={checkId} />
      <p className="text-sm text-slate-700">
        {lastRun ?? 'Not run yet.'} Running it creates {creates}.
      </p>
      <div>
        <Button type="submit" variant="secondary" disabled={pending} aria-label={`Run this check: ${title}`}>
          {pending ? 'Running…' : lastRun ? 'Run it again' : 'Run this check'}
        </Button>
      </div>
      <ActionError state={state} />
    </form>
  );
}
