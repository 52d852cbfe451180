'use client';

import { useActionState } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { SelectField, TextField } from '@/components/ui/field';
import { initialFormState } from '@/lib/schemas/form-state';

import { issueApiTokenAction, type IssueTokenState } from '../actions';

export function IssueTokenForm({ owners }: { owners: Array<{ id: string; name: string; role: string }> }) {
  const [state, action, pending] = useActionState<IssueTokenState, FormData>(
    issueApiTokenAction,
    initialFormState,
  );
  const values = state.status === 'error' ? (state.values ?? {}) : {};
  const errors = state.fieldErrors ?? {};
  return (
    <div className="flex flex-col gap-4">
      {state.status === 'success' && state.token ? (
        <Alert tone="success" title="New API token">
          <p>{state.message}</p>
          <p className="mt-2 break-all rounded bg-white p-2 font-mono text-sm" data-testid="new-api-token">
            {state.token}
          </p>
          <div className="mt-2">
            <CopyButton value={state.token} label="Copy token" />
          </div>
        </Alert>
      ) : null}
      {state.status === 'error' && state.message ? <Alert tone="error">{state.message}</Alert> : null}
      <form key={state.attempt} action={action} className="flex max-w-xl flex-col gap-4" noValidate>
        <SelectField
          label="Whose token"
          name="userId"
          defaultValue={values.userId}
          errors={errors.userId}
          hint="The token acts as this person, with their role."
        >
          <option value="">Choose a person</option>
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name} ({o.role.toLowerCase()})
            </option>
          ))}
        </SelectField>
        <TextField
          label="Name"
          name="label"
          defaultValue={values.label}
          errors={errors.label}
          hint="What will use it, e.g. “Practice management sync”."
          required
        />
        <TextField
          label="Expires after (days)"
          name="expiresInDays"
          type="number"
          min={0}
          max={3650}
          defaultValue={values.expiresInDays ?? '365'}
          errors={errors.expiresInDays}
          hint="0 for no expiry."
        />
        <Button type="submit" disabled={pending} className="self-start">
          {pending ? 'Issuing…' : 'Issue token'}
        </Button>
      </form>
    </div>
  );
}
