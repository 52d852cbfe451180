'use client';

import { useActionState } from 'react';

import { ErrorSummary } from '@/components/ui/error-summary';
import { CheckboxField, TextField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialFormState } from '@/lib/schemas/form-state';

import type { RescheduleState } from '../actions';
import { PatientClockAlert } from './patient-clock-alert';

const labels = { date: 'Date', startTime: 'Start time', durationMinutes: 'Duration (minutes)' };

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
      ) : state.status === 'error' ? (
        <ErrorSummary message={state.message} fieldErrors={errors} labels={labels} attempt={state.attempt} />
      ) : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label={labels.date}
          name="date"
          type="date"
          min={today}
          defaultValue={value('date')}
          errors={errors.date}
          required
        />
        <TextField
          label={labels.startTime}
          name="startTime"
          type="time"
          step={300}
          defaultValue={value('startTime')}
          errors={errors.startTime}
          required
        />
        <TextField
          label={labels.durationMinutes}
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          min={5}
          max={240}
          step={5}
          defaultValue={value('durationMinutes')}
          errors={errors.durationMinutes}
          required
        />
      </div>
      <CheckboxField
        id="reschedule-notifyPatient"
        label="Notify the patient"
        name="notifyPatient"
        hint="Sends the new time (and, for telehealth, the same join link) a few minutes after the last change."
        defaultChecked={echoed ? echoed.notifyPatient === 'on' : true}
      />
      <div>
        <SubmitButton pendingLabel="Moving…">Reschedule</SubmitButton>
      </div>
    </form>
  );
}
