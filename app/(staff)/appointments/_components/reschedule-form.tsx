'use client';

import { useActionState } from 'react';

import { RefusalSummary } from '@/components/ui/form-outcome';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialFormState } from '@/lib/schemas/form-state';

import type { RescheduleState } from '../actions';
import { NotifyPatientField } from './notify-patient-field';
import { PatientClockAlert } from './patient-clock-alert';
import { WhenFields, whenLabels } from './when-fields';

export function RescheduleForm({
  action,
  defaults,
  today,
}: {
  action: (previous: RescheduleState, formData: FormData) => Promise<RescheduleState>;
  defaults: { date: string; startTime: string; durationMinutes: string };
  today: string;
}) {
  const [state, formAction] = useActionState<RescheduleState, FormData>(action, initialFormState);
  const clock = state.status === 'error' ? state.patientClock : undefined;
  const echoed = state.status === 'error' ? state.values : undefined;
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  const value = (name: keyof typeof defaults) => echoed?.[name] ?? defaults[name];

  return (
    <form key={state.attempt} action={formAction} noValidate className="flex flex-col gap-4">
      {clock ? (
        <PatientClockAlert clock={clock} field="moveAnyway" confirmLabel="Move anyway" />
      ) : (
        <RefusalSummary state={state} labels={whenLabels} />
      )}
      <WhenFields today={today} value={value} errors={errors} />
      <NotifyPatientField
        form="reschedule"
        hint="Sends the new time (and, for telehealth, the same join link) a few minutes after the last change."
        echoed={echoed}
      />
      <div>
        <SubmitButton pendingLabel="Moving…">Reschedule</SubmitButton>
      </div>
    </form>
  );
}
