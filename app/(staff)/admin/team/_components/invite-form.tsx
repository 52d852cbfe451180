'use client';

import { useActionState, useState, useSyncExternalStore } from 'react';

import { bindFields, SelectField, TextField } from '@/components/ui/field';
import { RefusalSummary } from '@/components/ui/form-outcome';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialFormState } from '@/lib/schemas/form-state';
import { roleLabels, USER_ROLES } from '@/lib/schemas/user';

import { inviteUserAction, type LinkState } from '../actions';

import { OneTimeLink } from './one-time-link';

const labels = {
  name: 'Full name',
  email: 'Email',
  role: 'Role',
  givenName: 'Given name',
  familyName: 'Family name',
};

export function InviteForm() {
  const [state, action] = useActionState<LinkState, FormData>(inviteUserAction, initialFormState);
  // After a success the form starts empty; after a refusal it shows what was typed.
  const values = state.status === 'error' ? (state.values ?? {}) : {};
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  return (
    <div className="flex flex-col gap-4">
      {state.status === 'success' && state.url ? (
        <OneTimeLink message={state.message ?? ''} url={state.url} />
      ) : null}
      <form key={state.attempt} action={action} className="flex flex-col gap-4" noValidate>
        <RefusalSummary state={state} labels={labels} />
        <InviteFields values={values} errors={errors} />
        <div>
          <SubmitButton pendingLabel="Inviting…">Invite and make a link</SubmitButton>
        </div>
      </form>
    </div>
  );
}

function InviteFields({
  values,
  errors,
}: {
  values: Record<string, string>;
  errors: Record<string, string[]>;
}) {
  const [role, setRole] = useState(values.role ?? 'STAFF');
  const enhanced = useEnhanced();
  const field = bindFields(labels, (name) => values[name], errors);
  return (
    <>
      <TextField {...field('name')} autoComplete="off" maxLength={100} required />
      <TextField {...field('email')} type="email" autoComplete="off" maxLength={254} required />
      <SelectField
        label={labels.role}
        name="role"
        value={role}
        onChange={(e) => setRole(e.target.value)}
        errors={errors.role}
      >
        {USER_ROLES.map((r) => (
          <option key={r} value={r}>
            {roleLabels[r]}
          </option>
        ))}
      </SelectField>
      {/* Without JavaScript the role choice cannot reveal them, so they show until it runs. */}
      {role === 'CLINICIAN' || !enhanced ? <ClinicianNameFields values={values} errors={errors} /> : null}
      <p className="text-sm text-slate-600">
        {role === 'STAFF'
          ? 'They choose their own password from the link. Reception sets up two-factor sign-in only if the clinic requires it for everyone.'
          : 'They choose their own password from the link, then set up two-factor sign-in (an authenticator app) the first time they sign in.'}
      </p>
    </>
  );
}

/** The name patients see; a clinician needs one (their Clinician row). */
export function ClinicianNameFields({
  values,
  errors,
  idPrefix = '',
}: {
  values: Record<string, string>;
  errors: Record<string, string[]>;
  idPrefix?: string;
}) {
  const field = bindFields(labels, (name) => values[name], errors);
  return (
    <fieldset className="flex flex-col gap-4 rounded-md border border-slate-200 p-4">
      <legend className="px-1 text-sm font-medium">
        Clinician’s name, as patients see it (clinicians only)
      </legend>
      <TextField {...field('givenName')} id={`${idPrefix}field-givenName`} maxLength={100} />
      <TextField {...field('familyName')} id={`${idPrefix}field-familyName`} maxLength={100} />
    </fieldset>
  );
}

const noop = () => () => {};
/** False in the server's HTML (and without JavaScript), true once the page runs. */
export function useEnhanced(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}
