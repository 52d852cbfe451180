'use client';

import { useActionState, useId } from 'react';

import { Alert } from '@/components/ui/alert';
import { ErrorSummary } from '@/components/ui/error-summary';
import { TextField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialFormState, type FormState } from '@/lib/schemas/form-state';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

function Outcome({ state, labels }: { state: FormState; labels: Record<string, string> }) {
  if (state.status === 'error') {
    return (
      <ErrorSummary
        message={state.message}
        fieldErrors={state.fieldErrors}
        labels={labels}
        attempt={state.attempt}
      />
    );
  }
  if (state.status === 'success' && state.message) return <Alert tone="success">{state.message}</Alert>;
  return null;
}

/** A date-and-time field (clinic timezone) with one button: add or move a reminder. */
export function ReminderTimeForm({
  action,
  label,
  hint,
  submitLabel,
  pendingLabel,
  defaultValue,
  idPrefix,
}: {
  action: Action;
  label: string;
  hint: string;
  submitLabel: string;
  pendingLabel: string;
  defaultValue?: string;
  idPrefix: string;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const fieldId = `${idPrefix}-sendAt`;
  const echoed = state.status === 'error' ? state.values?.sendAt : undefined;
  return (
    <form key={state.attempt} action={formAction} noValidate className="flex flex-col gap-3">
      <Outcome state={state} labels={{ sendAt: label }} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-60">
          <TextField
            id={fieldId}
            label={label}
            name="sendAt"
            type="datetime-local"
            hint={hint}
            defaultValue={echoed ?? defaultValue ?? ''}
            errors={state.status === 'error' ? state.fieldErrors?.sendAt : undefined}
          />
        </div>
        <SubmitButton variant="secondary" pendingLabel={pendingLabel}>
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}

/** One button that runs an action (cancel, resend, mark as dealt with) and says what happened. */
export function ReminderButtonForm({
  action,
  children,
  pendingLabel,
  variant = 'secondary',
  describedBy,
}: {
  action: Action;
  children: React.ReactNode;
  pendingLabel: string;
  variant?: 'primary' | 'secondary' | 'danger';
  describedBy?: string;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const id = useId();
  return (
    <form action={formAction} className="flex flex-col gap-2" aria-describedby={describedBy} id={id}>
      <Outcome state={state} labels={{}} />
      <div>
        <SubmitButton variant={variant} pendingLabel={pendingLabel}>
          {children}
        </SubmitButton>
      </div>
    </form>
  );
}
