'use client';

import { useActionState } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { initialFormState } from '@/lib/schemas/form-state';

import { setClinicPhoneAction } from '../actions';

export function ClinicPhoneForm({ contactPhone }: { contactPhone: string | null }) {
  const [state, action, pending] = useActionState(setClinicPhoneAction, initialFormState);
  return (
    <form action={action} className="flex max-w-md flex-col gap-3">
      {state.status === 'success' ? <Alert tone="success">{state.message}</Alert> : null}
      {state.status === 'error' && state.message ? <Alert tone="error">{state.message}</Alert> : null}
      <TextField
        key={state.attempt}
        label="Clinic phone number"
        name="contactPhone"
        type="tel"
        autoComplete="off"
        defaultValue={state.values?.contactPhone ?? contactPhone ?? ''}
        errors={state.fieldErrors?.contactPhone}
        hint="Shown, tap to call, to a patient whose join link was replaced, withdrawn or has expired, or whose appointment was cancelled; also {phone} in reminders."
      />
      <Button type="submit" variant="secondary" disabled={pending} className="self-start">
        {pending ? 'Saving…' : 'Save phone number'}
      </Button>
    </form>
  );
}
