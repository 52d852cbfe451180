'use client';

import { useActionState } from 'react';

import { Button } from '@/components/ui/button';
import { ActionError } from '@/components/ui/form-outcome';
import { initialFormState } from '@/lib/schemas/form-state';

import { acknowledgeAlertAction } from '../actions';

export function AcknowledgeAlertForm({ alertId, thresholdUsd }: { alertId: string; thresholdUsd: number }) {
  const [state, action, pending] = useActionState(acknowledgeAlertAction, initialFormState);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="alertId" value={alertId} />
      <Button
        type="submit"
        variant="secondary"
        disabled={pending}
        aria-label={`Mark the ${thresholdUsd} USD alert as seen`}
      >
        {pending ? 'Saving…' : 'Mark as seen'}
      </Button>
      <ActionError state={state} inline />
    </form>
  );
}
