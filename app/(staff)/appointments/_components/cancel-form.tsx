'use client';

import { useActionState } from 'react';

import { ErrorSummary } from '@/components/ui/error-summary';
import { CheckboxField, TextAreaField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { CANCEL_REASON_MAX } from '@/lib/schemas/appointment-options';
import { initialFormState, type FormState } from '@/lib/schemas/form-state';

const labels = { reason: 'Reason for cancelling (optional)' };

export function CancelForm({
  action,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const echoed = state.status === 'error' ? state.values : undefined;
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};

  return (
    <form key={state.attempt} action={formAction} noValidate className="flex flex-col gap-4">
      {state.status === 'error' ? (
        <ErrorSummary message={state.message} fieldErrors={errors} labels={labels} attempt={state.attempt} />
      ) : null}
      <TextAreaField
        label={labels.reason}
        name="reason"
        hint="For the clinic's records. Do not include clinical details."
        maxLength={CANCEL_REASON_MAX}
        rows={3}
        defaultValue={echoed?.reason ?? ''}
        errors={errors.reason}
      />
      <CheckboxField
        label="Notify the patient"
        name="notifyPatient"
        hint="Sends the cancellation with the clinic's phone number a few minutes from now."
        defaultChecked={echoed ? echoed.notifyPatient === 'on' : true}
      />
      <div>
        <SubmitButton variant="danger" pendingLabel="Cancelling…">
          Cancel appointment
        </SubmitButton>
      </div>
    </form>
  );
}
