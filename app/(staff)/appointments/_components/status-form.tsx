'use client';

import { useActionState } from 'react';

import { SelectField } from '@/components/ui/field';
import { RefusalSummary } from '@/components/ui/form-outcome';
import { SubmitButton } from '@/components/ui/submit-button';
import { statusLabels, type AppointmentStatusValue } from '@/lib/schemas/appointment-options';
import { initialFormState, type FormState } from '@/lib/schemas/form-state';

const labels = { status: 'Status' };

export function StatusForm({
  action,
  current,
  choices,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  current: AppointmentStatusValue;
  choices: AppointmentStatusValue[];
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  const selected = (state.status === 'error' ? state.values?.status : undefined) ?? current;

  return (
    <form key={state.attempt} action={formAction} noValidate className="flex flex-col gap-4">
      <RefusalSummary state={state} labels={labels} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-48">
          <SelectField label={labels.status} name="status" defaultValue={selected} errors={errors.status}>
            {choices.map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </SelectField>
        </div>
        <SubmitButton variant="secondary" pendingLabel="Updating…">
          Update status
        </SubmitButton>
      </div>
    </form>
  );
}
