'use client';

import Link from 'next/link';
import { useActionState, useState } from 'react';

import { Combobox, type ComboboxOption } from '@/components/ui/combobox';
import { bindFields, SelectField } from '@/components/ui/field';
import { RefusalSummary } from '@/components/ui/form-outcome';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialFormState, type FormState } from '@/lib/schemas/form-state';

import { searchPatientsAction } from '../../patients/actions';
import { PatientClockAlert } from './patient-clock-alert';
import { WhenFields, whenLabels } from './when-fields';

export type Option = { id: string; label: string };
type BookingState = FormState & { patientClock?: { question: string; token: string } };

/** Asks the server for patients matching what was typed (name, mobile or date of birth). */
async function findPatients(query: string): Promise<ComboboxOption[] | { error: string }> {
  const data = new FormData();
  data.set('q', query);
  const result = await searchPatientsAction(initialFormState, data);
  if (result.status === 'error') return { error: result.message ?? 'The search did not work. Try again.' };
  return result.patients ?? [];
}
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
  ...whenLabels,
  kind: 'Type',
};

export function BookingForm({
  action,
  initialPatient,
  clinicians,
  defaults,
  today,
  timeZoneLabel,
}: {
  action: (previous: BookingState, formData: FormData) => Promise<BookingState>;
  /** The patient a link preselected (?patient=…), already checked to be in the user's scope. */
  initialPatient: ComboboxOption | null;
  clinicians: Option[];
  defaults: BookingDefaults;
  today: string;
  timeZoneLabel: string;
}) {
  const [state, formAction] = useActionState<BookingState, FormData>(action, initialFormState);
  const clock = state.status === 'error' ? state.patientClock : undefined;
  // Kept here, outside the form that re-mounts after each answer, so the choice survives a refusal.
  const [patient, setPatient] = useState<ComboboxOption | null>(initialPatient);
  const echoed = state.status === 'error' ? state.values : undefined;
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  const value = (name: keyof BookingDefaults) => echoed?.[name] ?? defaults[name];
  const field = bindFields(bookingLabels, value, errors);

  return (
    <form key={state.attempt} action={formAction} noValidate className="flex flex-col gap-5">
      {clock ? (
        <PatientClockAlert clock={clock} field="bookAnyway" confirmLabel="Book anyway" />
      ) : (
        <RefusalSummary state={state} labels={bookingLabels} />
      )}

      <Combobox
        label={bookingLabels.patientId}
        name="patientId"
        hint="Type part of a name, a mobile number or a date of birth (like 7/4/1985), then choose from the list."
        errors={errors.patientId}
        search={findPatients}
        initial={patient}
        onChange={setPatient}
        noun={{ one: 'patient', many: 'patients' }}
        noScript={
          patient ? null : (
            <p className="text-sm text-slate-800">
              The search needs JavaScript. Find the patient on the{' '}
              <Link href="/patients" className="text-brand-700 underline underline-offset-2">
                Patients
              </Link>{' '}
              page instead, then choose &ldquo;Book an appointment&rdquo; on their page.
            </p>
          )
        }
      />

      <SelectField {...field('clinicianId')} required>
        {clinicians.length > 1 ? <option value="">Choose a clinician</option> : null}
        {clinicians.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </SelectField>

      <WhenFields
        legend={<>Times are in the clinic&rsquo;s timezone ({timeZoneLabel}).</>}
        today={today}
        value={value}
        errors={errors}
        durationHint="Up to 240 (4 hours)."
      />

      <SelectField {...field('kind')} required>
        <option value="TELEHEALTH">Telehealth (video)</option>
        <option value="IN_PERSON">In person</option>
      </SelectField>

      <div>
        <SubmitButton pendingLabel="Booking…">Book appointment</SubmitButton>
      </div>
    </form>
  );
}
