'use client';

// A person's name and email, as an admin corrects them. A new name saves on one
// click (nobody is signed out); a new email is how they sign in, so the form
// asks first (ConfirmDialog) and says they will be signed out everywhere.
import { useActionState, useState } from 'react';

import { Alert } from '@/components/ui/alert';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { TextField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { CONFIRM_FIELD } from '@/lib/schemas/confirmation';
import { initialFormState, type FormState } from '@/lib/schemas/form-state';

import { useEnhanced } from '../../_components/invite-form';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

export function DetailsForm({
  action,
  userId,
  firstName,
  isYou,
  current,
}: {
  action: Action;
  userId: string;
  firstName: string;
  isYou: boolean;
  current: { name: string; email: string };
}) {
  const [state, run] = useActionState(action, initialFormState);
  return (
    <div className="flex flex-col items-start gap-3">
      {state.status !== 'idle' && state.message ? (
        <Alert tone={state.status === 'error' ? 'error' : 'success'}>{state.message}</Alert>
      ) : null}
      {/* Re-mounted on every answer: a refusal shows what was typed, a success the saved values. */}
      <DetailsFields
        key={state.attempt}
        run={run}
        state={state}
        userId={userId}
        firstName={firstName}
        isYou={isYou}
        current={current}
      />
    </div>
  );
}

function DetailsFields({
  run,
  state,
  userId,
  firstName,
  isYou,
  current,
}: {
  run: (formData: FormData) => void;
  state: FormState;
  userId: string;
  firstName: string;
  isYou: boolean;
  current: { name: string; email: string };
}) {
  const echoed = state.status === 'error' ? (state.values ?? {}) : {};
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  const [email, setEmail] = useState(echoed.email ?? current.email);
  const enhanced = useEnhanced();
  const emailChanged = email.trim().toLowerCase() !== current.email.toLowerCase();
  const who = isYou ? 'You are' : `${firstName} is`;
  const consequence = `${who} signed out everywhere at once and ${isYou ? 'sign' : 'signs'} in with the new address from then on. The password stays the same.`;
  return (
    <form action={run} className="flex w-full max-w-md flex-col gap-4" noValidate>
      <input type="hidden" name="userId" value={userId} />
      <TextField
        label="Full name"
        name="name"
        id="details-name"
        autoComplete="off"
        maxLength={100}
        defaultValue={echoed.name ?? current.name}
        errors={errors.name}
        required
      />
      <TextField
        label="Email address"
        name="email"
        id="details-email"
        type="email"
        autoComplete="off"
        maxLength={254}
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        hint="They sign in with it."
        errors={errors.email}
        required
      />
      <div>
        {enhanced && !emailChanged ? (
          <SubmitButton variant="secondary" pendingLabel="Saving…">
            Save name and email
          </SubmitButton>
        ) : (
          <ConfirmDialog
            id="details-confirm"
            triggerLabel="Save name and email"
            // Without JavaScript the form cannot tell whether the email changed: it asks in general terms.
            title={
              enhanced
                ? isYou
                  ? 'Change your email address?'
                  : `Change ${firstName}’s email address?`
                : `Save ${isYou ? 'your' : `${firstName}’s`} name and email?`
            }
            message={enhanced ? consequence : `If you changed the email address: ${consequence}`}
            confirmLabel={enhanced ? 'Change the email address' : 'Save name and email'}
            checkboxLabel={
              enhanced ? undefined : 'Yes, sign them out if the email address is new (needed only then)'
            }
            pendingLabel="Saving…"
            variant="secondary"
            errors={errors[CONFIRM_FIELD]}
          />
        )}
      </div>
    </form>
  );
}
