'use client';

import { useActionState } from 'react';

import { Button } from '@/components/ui/button';
import { initialFormState } from '@/lib/schemas/form-state';

import { revokeApiTokenAction } from '../actions';

export function RevokeTokenButton({ tokenId, label }: { tokenId: string; label: string }) {
  const [state, action, pending] = useActionState(revokeApiTokenAction, initialFormState);
  return (
    <form action={action} className="flex flex-col items-start gap-1">
      <input type="hidden" name="tokenId" value={tokenId} />
      <Button type="submit" variant="danger" disabled={pending} aria-label={`Revoke the token ${label}`}>
        {pending ? 'Revoking…' : 'Revoke'}
      </Button>
      <p
        role="status"
        className={state.status === 'error' ? 'text-sm text-red-800' : 'text-sm text-emerald-800'}
      >
        {state.message ?? ''}
      </p>
    </form>
  );
}
