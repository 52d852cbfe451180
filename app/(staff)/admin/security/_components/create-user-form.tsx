'use client';

import { useActionState, useState } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { initialFormState } from '@/lib/schemas/form-state';
import { PASSWORD_MIN, roleLabels, USER_ROLES } from '@/lib/schemas/user';

import { createUserAction } from '../actions';

export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, initialFormState);
  // After a success the form starts empty; after a refusal it shows what was typed.
  const values = state.status === 'error' ? (state.values ?? {}) : {};
  return (
    <form key={state.attempt} action={action} className="flex flex-col gap-4" noValidate>
      {state.status === 'success' ? <Alert tone="success">{state.message}</Alert> : null}
      {state.status === 'error' && state.message ? <Alert tone="error">{state.message}</Alert> : null}
      <CreateUserFields values={values} errors={state.fieldErrors ?? {}} />
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? 'Adding…' : 'Add person'}
      </Button>
    </form>
  );
}

function CreateUserFields({
  values,
  errors,
}: {
  values: Record<string, string>;
  errors: Record<string, string[]>;
}) {
  const [role, setRole] = useState(values.role ?? 'STAFF');
  return (
    <>
      <TextField
        label="Full name"
        name="name"
        autoComplete="off"
        defaultValue={values.name}
        errors={errors.name}
        required
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="off"
        defaultValue={values.email}
        errors={errors.email}
        required
      />
      <SelectField
        label="Role"
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
      {role === 'CLINICIAN' ? (
        <fieldset className="flex flex-col gap-4 rounded-md border border-slate-200 p-4">
          <legend className="px-1 text-sm font-medium">Clinician’s name, as patients see it</legend>
          <TextField
            label="Given name"
            name="givenName"
            defaultValue={values.givenName}
            errors={errors.givenName}
            required
          />
          <TextField
            label="Family name"
            name="familyName"
            defaultValue={values.familyName}
            errors={errors.familyName}
            required
          />
        </fieldset>
      ) : null}
      <TextField
        label="Temporary password"
        name="temporaryPassword"
        type="text"
        autoComplete="off"
        spellCheck={false}
        hint={`At least ${PASSWORD_MIN} characters. Tell the person in person or by phone, never by email.`}
        errors={errors.temporaryPassword}
        required
      />
      {role === 'ADMIN' || role === 'CLINICIAN' ? (
        <p className="text-sm text-slate-600">
          They will set up two-factor sign-in the first time they sign in.
        </p>
      ) : null}
    </>
  );
}
