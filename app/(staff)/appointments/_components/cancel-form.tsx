'use client';

import { useActionState, useState } from 'react';

import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { TextAreaField } from '@/components/ui/field';
import { RefusalSummary } from '@/components/ui/form-outcome';
import { CANCEL_REASON_MAX } from '@/lib/schemas/appointment-options';
import { CONFIRM_FIELD } from '@/lib/schemas/confirmation';
import { initialFormState, type FormState } from '@/lib/schemas/form-state';

import { NotifyPatientField, notifyChecked } from './notify-patient-field';

const labels = { reason: 'Reason for cancelling (optional)' };

export function CancelForm({
  action,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const echoed = state.status === 'error' ? state.values : undefined;
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  const [notify, setNotify] = useState(notifyChecked(echoed));

  return (
    <form key={state.attempt} action={formAction} noValidate className="flex flex-col gap-4">
      <RefusalSummary state={state} labels={labels} />
      <TextAreaField
        label={labels.reason}
        name="reason"
        hint="For the clinic's records. Do not include clinical details."
        maxLength={CANCEL_REASON_MAX}
        rows={3}
        defaultValue={echoed?.reason ?? ''}
        errors={errors.reason}
      />
      <NotifyPatientField
        form="cancel"
        hint="Sends the cancellation with the clinic's phone number a few minutes from now."
        echoed={echoed}
        onChange={(e) => setNotify(e.currentTarget.checked)}
      />
      <div>
        <ConfirmDialog
          triggerLabel="Cancel appointment"
          title="Cancel this appointment?"
          message={
            notify
              ? 'The patient will be told by WhatsApp or SMS, with the clinic’s phone number. Any join link stops working.'
              : 'The patient will not be told: phone them yourself. Any join link stops working.'
          }
          confirmLabel="Cancel the appointment"
          cancelLabel="Keep it"
          pendingLabel="Cancelling…"
          errors={errors[CONFIRM_FIELD]}
        />
      </div>
    </form>
  );
}
