'use client';

import { useActionState, type ReactNode } from 'react';

import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { bindFields, CheckboxField, SelectField, TextField } from '@/components/ui/field';
import { RefusalSummary } from '@/components/ui/form-outcome';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialFormState, type FormState } from '@/lib/schemas/form-state';
import {
  AUSTRALIAN_TIME_ZONES,
  channelLabels,
  CONSENT_METHODS,
  consentMethodLabels,
  MESSAGE_CHANNELS,
  patientFieldLabels as labels,
} from '@/lib/schemas/patient-options';

export type PatientFormDefaults = {
  givenName: string;
  familyName: string;
  preferredName: string;
  dateOfBirth: string;
  email: string;
  mobile: string;
  timezone: string;
  preferredChannel: string;
  messagingConsent: boolean;
  consentMethod: string;
  whatsappConsent: boolean;
  smsOptOut: boolean;
  whatsappOptOut: boolean;
};

type PatientFormState = FormState & { duplicates?: { id: string; label: string; why: string }[] };

type CheckboxName = 'messagingConsent' | 'whatsappConsent' | 'smsOptOut' | 'whatsappOptOut';

/**
 * Add or edit a patient. The server validates; on a refusal the form shows
 * what the person typed (echoed back by the action) with a message per field.
 */
export function PatientForm({
  action,
  defaults,
  otherTimeZones,
  version,
  consentRecord,
  today,
}: {
  action: (previous: PatientFormState, formData: FormData) => Promise<PatientFormState>;
  defaults: PatientFormDefaults;
  otherTimeZones: string[];
  /** The record's updatedAt when the page was loaded, so a save cannot overwrite someone else's. */
  version?: string;
  /** "Recorded on … by …", for an existing consent. */
  consentRecord?: ReactNode;
  /** Today's date (YYYY-MM-DD), the latest date of birth allowed. */
  today: string;
}) {
  const [state, formAction] = useActionState<PatientFormState, FormData>(action, initialFormState);
  const duplicates = state.status === 'error' ? state.duplicates : undefined;
  const echoed = state.status === 'error' ? state.values : undefined;
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};

  const text = (name: Exclude<keyof PatientFormDefaults, CheckboxName>) => echoed?.[name] ?? defaults[name];
  const field = bindFields(labels, text, errors);
  const checked = (name: CheckboxName) => (echoed ? echoed[name] === 'on' : defaults[name]);
  const timezone = text('timezone');
  const knownZone =
    AUSTRALIAN_TIME_ZONES.some((z) => z.value === timezone) || otherTimeZones.includes(timezone);

  return (
    // Re-mounted after each response so the fields show the echoed (or freshly saved) values.
    <form key={state.attempt} action={formAction} noValidate className="flex flex-col gap-6">
      {duplicates?.length ? (
        <Alert tone="warning" title="This patient may already be recorded">
          <p>{state.message}</p>
          <ul className="mt-2 flex flex-col gap-1">
            {duplicates.map((d) => (
              <li key={d.id} className="min-w-0 break-words">
                <a
                  href={`/patients/${d.id}`}
                  className="font-semibold text-brand-700 underline underline-offset-2"
                >
                  {d.label}
                </a>{' '}
                <span className="text-slate-700">({d.why})</span>
              </li>
            ))}
          </ul>
          <div className="mt-3">
            <button type="submit" name="createAnyway" value="yes" className={buttonClasses('secondary')}>
              Create anyway
            </button>
          </div>
        </Alert>
      ) : (
        <RefusalSummary state={state} labels={labels} />
      )}
      {state.status === 'success' ? <Alert tone="success">{state.message}</Alert> : null}
      {version ? <input type="hidden" name="version" value={version} /> : null}

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">Name</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField {...field('givenName')} autoComplete="off" required maxLength={100} />
          <TextField {...field('familyName')} autoComplete="off" required maxLength={100} />
        </div>
        <TextField
          {...field('preferredName')}
          hint="Optional. What the patient likes to be called; used in lists and messages."
          autoComplete="off"
          maxLength={100}
        />
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">Details and contact</legend>
        <TextField
          {...field('dateOfBirth')}
          type="date"
          hint="Optional."
          min="1900-01-01"
          max={today}
          className="min-h-11 max-w-xs rounded-md border border-slate-400 bg-white px-3 py-2 text-base aria-invalid:border-red-700"
        />
        <TextField
          {...field('mobile')}
          type="tel"
          inputMode="tel"
          hint="An Australian mobile, like 0412 345 678. For an overseas mobile, start with + and the country code."
          autoComplete="off"
          required
          maxLength={40}
        />
        <TextField {...field('email')} type="email" hint="Optional." autoComplete="off" maxLength={254} />
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">Reminders and messages</legend>
        <SelectField
          label={labels.timezone}
          name="timezone"
          hint="Where the patient is, so reminders give the time on their clock."
          defaultValue={timezone}
          errors={errors.timezone}
        >
          <optgroup label="Australia">
            {AUSTRALIAN_TIME_ZONES.map((z) => (
              <option key={z.value} value={z.value}>
                {z.label}
              </option>
            ))}
          </optgroup>
          <optgroup label="Other time zones">
            {!knownZone && timezone ? <option value={timezone}>{timezone}</option> : null}
            {otherTimeZones.map((z) => (
              <option key={z} value={z}>
                {z.replaceAll('_', ' ')}
              </option>
            ))}
          </optgroup>
        </SelectField>
        <SelectField {...field('preferredChannel')}>
          {MESSAGE_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {channelLabels[c]}
            </option>
          ))}
        </SelectField>

        <fieldset className="flex flex-col gap-4 rounded-md border border-slate-200 bg-slate-50 p-4">
          <legend className="px-1 text-sm font-semibold text-slate-800">Consent</legend>
          <CheckboxField
            label={labels.messagingConsent}
            name="messagingConsent"
            hint={
              consentRecord ??
              'Tick only when the patient has said yes. Your name and the time are recorded with it.'
            }
            defaultChecked={checked('messagingConsent')}
            errors={errors.messagingConsent}
          />
          <SelectField {...field('consentMethod')}>
            <option value="">Choose how</option>
            {CONSENT_METHODS.map((m) => (
              <option key={m} value={m}>
                {consentMethodLabels[m]}
              </option>
            ))}
          </SelectField>
          <CheckboxField
            label={labels.whatsappConsent}
            name="whatsappConsent"
            hint="Needed before any WhatsApp message; SMS is covered by the consent above."
            defaultChecked={checked('whatsappConsent')}
            errors={errors.whatsappConsent}
          />
        </fieldset>

        <fieldset className="flex flex-col gap-3">
          <legend className="mb-1 text-sm font-semibold text-slate-800">
            Opted out (the patient asked us to stop)
          </legend>
          <CheckboxField
            label={labels.smsOptOut}
            name="smsOptOut"
            defaultChecked={checked('smsOptOut')}
            errors={errors.smsOptOut}
          />
          <CheckboxField
            label={labels.whatsappOptOut}
            name="whatsappOptOut"
            defaultChecked={checked('whatsappOptOut')}
            errors={errors.whatsappOptOut}
          />
        </fieldset>
      </fieldset>

      <div>
        <SubmitButton>Save patient</SubmitButton>
      </div>
    </form>
  );
}
