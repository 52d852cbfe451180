'use client';

import { useActionState } from 'react';

import { Alert } from '@/components/ui/alert';
import { CheckboxField, TextField } from '@/components/ui/field';
import { RefusalSummary } from '@/components/ui/form-outcome';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialFormState, type FormState } from '@/lib/schemas/form-state';

const labels = {
  offsetsHours: 'Send reminders this many hours before',
  quietStart: 'Quiet hours start',
  quietEnd: 'Quiet hours end',
  whatsappEnabled: 'Use WhatsApp (SMS when WhatsApp cannot be used or fails)',
};

export function ReminderSettingsForm({
  action,
  defaults,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  defaults: { offsetsHours: string; quietStart: string; quietEnd: string; whatsappEnabled: boolean };
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  return (
    <form key={state.attempt} action={formAction} noValidate className="flex max-w-2xl flex-col gap-4">
      <RefusalSummary state={state} labels={labels} />
      {state.status === 'success' && state.message ? <Alert tone="success">{state.message}</Alert> : null}
      <TextField
        label={labels.offsetsHours}
        name="offsetsHours"
        hint="Hours, separated by commas: 24, 2 sends one a day before and one two hours before. Up to four."
        defaultValue={v?.offsetsHours ?? defaults.offsetsHours}
        errors={errors.offsetsHours}
        inputMode="decimal"
        autoComplete="off"
      />
      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-800">
          Quiet hours, on each patient&rsquo;s own clock
        </legend>
        <p className="text-sm text-slate-700">
          A reminder due in quiet hours is sent earlier, at the last minute before they begin. If that time
          has passed it is skipped, and staff see why.
        </p>
        <div className="flex flex-wrap gap-4">
          <TextField
            label={labels.quietStart}
            name="quietStart"
            type="time"
            defaultValue={v?.quietStart ?? defaults.quietStart}
            errors={errors.quietStart}
          />
          <TextField
            label={labels.quietEnd}
            name="quietEnd"
            type="time"
            defaultValue={v?.quietEnd ?? defaults.quietEnd}
            errors={errors.quietEnd}
          />
        </div>
      </fieldset>
      <CheckboxField
        label={labels.whatsappEnabled}
        name="whatsappEnabled"
        hint="Only for patients who agreed to WhatsApp, and only with an approved template below."
        defaultChecked={v ? v.whatsappEnabled === 'on' : defaults.whatsappEnabled}
        errors={errors.whatsappEnabled}
      />
      <div>
        <SubmitButton pendingLabel="Saving…">Save policy</SubmitButton>
      </div>
    </form>
  );
}
