'use client';

import { useActionState } from 'react';

import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { CONFIRM_FIELD } from '@/lib/schemas/confirmation';
import { initialFormState } from '@/lib/schemas/form-state';

import { revokeApiTokenAction } from '../actions';

export function RevokeTokenButton({ tokenId, label }: { tokenId: string; label: string }) {
  const [state, action] = useActionState(revokeApiTokenAction, initialFormState);
  return (
    <form action={action} className="flex flex-col items-start gap-1">
      <input type="hidden" name="tokenId" value={tokenId} />
      <ConfirmDialog
        triggerLabel="Revoke"
        title={`Revoke the token “${label}”?`}
        message="It stops working at once: the system that uses it gets “unauthorized” on its next call, until you give it a new token."
        confirmLabel="Revoke the token"
        pendingLabel="Revoking…"
        errors={state.status === 'error' ? state.fieldErrors?.[CONFIRM_FIELD] : undefined}
      />
      <p
        role="status"
        className={state.status === 'error' ? 'text-sm text-red-800' : 'text-sm text-emerald-800'}
      >
        {state.message ?? ''}
      </p>
    </form>
  );
}
