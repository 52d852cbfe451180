'use client';

import { useActionState } from 'react';

import { Button } from '@/components/ui/button';
import { ActionError } from '@/components/ui/form-outcome';
import { initialFormState } from '@/lib/schemas/form-state';

import { setManualTickAction } from '../actions';

/** "Mark as done" for a Console setting, or "Untick" once done. */
export function ManualTickForm({ item, ticked, title }: { item: string; ticked: boolean; title: string }) {
  const [state, action, pending] = useActionState(setManualTickAction, initialFormState);
  return (
    <form action={action} className="mt-1 flex flex-wrap items-center gap-3">
      <input type="hidden" name="item" value={item} />
      <input type="hidden" name="ticked" value={ticked ? 'false' : 'true'} />
      <Button
        type="submit"
        variant="secondary"
        disabled={pending}
        aria-label={`${ticked ? 'Untick' : 'Mark as done'}: ${title}`}
      >
        {pending ? 'Saving…' : ticked ? 'Untick' : 'Mark as done'}
      </Button>
      <ActionError state={state} />
    </form>
  );
}
