'use client';

import { useActionState } from 'react';

import { ErrorSummary } from '@/components/ui/error-summary';
import { SelectField, TextField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialFormState, type FormState } from '@/lib/schemas/form-state';

export type Option = { id: string; label: string };
export type BookingDefaults = {
  patientId: string;
  clinicianId: string;
  date: string;
  startTime: string;
  durationMinutes: string;
  kind: string;
};

export const bookingLabels = {
  patientId: 'Patient',
  clinicianId: 'Clinician',
  date: 'Date',
  startTime: 'Start time',
  durationMinutes: 'Duration (minutes)',
  kind: 'Type',
};

export function BookingForm({
  action,
  patients,
  clinicians,
  defaults,
  today,
  timeZoneLabel,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  patients: Option[];
  clinicians: Option[];
  defaults: BookingDefaults;
  today: string;
  timeZoneLabel: string;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const echoed = state.status === 'error' ? state.values : undefined;
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  const value = (name: keyof BookingDefaults) => echoed?.[name] ?? defaults[name];

  return (
    <form key={state.attempt} action={formAction} noValidate className="flex flex-col gap-5">
      {state.status === 'error' ? (
        <ErrorSummary
          message={state.message}
          fieldErrors={errors}
          labels={bookingLabels}
          attempt={state.attempt}
        />
      ) : null}

      <SelectField
        label={bookingLabels.patientId}
        name="patientId"
        defaultValue={value('patientId')}
        errors={errors.patientId}
        required
      >
        <option value="">Choose a patient</option>
        {patients.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </SelectField>

      <SelectField
        label={bookingLabels.clinicianId}
        name="clinicianId"
        defaultValue={value('clinicianId')}
        errors={errors.clinicianId}
        required
      >
        {clinicians.length > 1 ? <option value="">Choose a clinician</option> : null}
        {clinicians.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </SelectField>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-1 text-sm text-slate-700">
          Times are in the clinic&rsquo;s timezone ({timeZoneLabel}).
        </legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            label={bookingLabels.date}
            name="date"
            type="date"
            min={today}
            defaultValue={value('date')}
            errors={errors.date}
            required
          />
          <TextField
            label={bookingLabels.startTime}
            name="startTime"
            type="time"
            step={300}
            defaultValue={value('startTime')}
            errors={errors.startTime}
            required
          />
          <TextField
            label={bookingLabels.durationMinutes}
            name="durationMinutes"
            type="number"
            inputMode="numeric"
            min={5}
            max={240}
            step={5}
            hint="Up to 240 (4 hours)."
            defaultValue={value('durationMinutes')}
            errors={errors.durationMinutes}
            required
          />
        </div>
      </fieldset>

      <SelectField
        label={bookingLabels.kind}
        name="kind"
        defaultValue={value('kind')}
        errors={errors.kind}
        required
      >
        <option value="TELEHEALTH">Telehealth (video)</option>
        <option value="IN_PERSON">In person</option>
      </SelectField>

      <div>
        <SubmitButton pendingLabel="Booking…">Book appointment</SubmitButton>
      </div>
    </form>
  );
}
