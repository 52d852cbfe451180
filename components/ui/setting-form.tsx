'use client';

import { useActionState, type InputHTMLAttributes } from 'react';

import { initialFormState, type FormState } from '@/lib/schemas/form-state';

import { Button } from './button';
import { TextField } from './field';
import { FormAlerts } from './form-outcome';

type FieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; hint?: string };

/**
 * A form that saves one setting: its answer, one text field (what was typed
 * is kept on a refusal) and a save button.
 */
export function SettingForm({
  action,
  field,
  defaultValue,
  submitLabel,
  className = 'flex max-w-md flex-col gap-3',
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  field: FieldProps;
  defaultValue: string;
  submitLabel: string;
  className?: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className={className}>
      <FormAlerts state={state} />
      <TextField
        key={state.attempt}
        {...field}
        defaultValue={state.values?.[field.name] ?? defaultValue}
        errors={state.fieldErrors?.[field.name]}
      />
      <Button type="submit" variant="secondary" disabled={pending} className="self-start">
        {pending ? 'Saving…' : submitLabel}
      </Button>
    </form>
  );
}
