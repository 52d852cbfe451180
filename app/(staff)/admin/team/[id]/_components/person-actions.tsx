'use client';

// The forms on a person's page. Each destructive one asks first (ConfirmDialog:
// a modal with JavaScript, a tick box without) and says what happened.
import { useActionState, useState } from 'react';

import { Alert } from '@/components/ui/alert';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { SelectField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { CONFIRM_FIELD } from '@/lib/schemas/confirmation';
import { initialFormState, type FormState } from '@/lib/schemas/form-state';
import { roleLabels, USER_ROLES } from '@/lib/schemas/user';

import type { LinkState } from '../../actions';
import { ClinicianNameFields, useEnhanced } from '../../_components/invite-form';
import { OneTimeLink } from '../../_components/one-time-link';

type Action<S extends FormState = FormState> = (previous: S, formData: FormData) => Promise<S>;
type Role = (typeof USER_ROLES)[number];

function Result({ state }: { state: FormState }) {
  if (state.status === 'idle' || !state.message) return null;
  return <Alert tone={state.status === 'error' ? 'error' : 'success'}>{state.message}</Alert>;
}

/** One confirmed action on one person: deactivate, reset two-factor. */
export function ConfirmedPersonAction({
  action,
  userId,
  dialog,
}: {
  action: Action;
  userId: string;
  dialog: {
    triggerLabel: string;
    title: string;
    message: string;
    confirmLabel: string;
    pendingLabel: string;
    variant?: 'danger' | 'primary' | 'secondary';
  };
}) {
  const [state, run] = useActionState(action, initialFormState);
  return (
    <div className="flex flex-col items-start gap-3">
      <Result state={state} />
      <form action={run} className="flex flex-col items-start gap-2">
        <input type="hidden" name="userId" value={userId} />
        <ConfirmDialog
          {...dialog}
          errors={state.status === 'error' ? state.fieldErrors?.[CONFIRM_FIELD] : undefined}
        />
      </form>
    </div>
  );
}

/** A plain action (not destructive, so one click): reactivate, let them sign in now. */
export function PersonAction({
  action,
  userId,
  label,
  pendingLabel,
}: {
  action: Action;
  userId: string;
  label: string;
  pendingLabel: string;
}) {
  const [state, run] = useActionState(action, initialFormState);
  return (
    <div className="flex flex-col items-start gap-3">
      <Result state={state} />
      <form action={run}>
        <input type="hidden" name="userId" value={userId} />
        <SubmitButton variant="secondary" pendingLabel={pendingLabel}>
          {label}
        </SubmitButton>
      </form>
    </div>
  );
}

/**
 * Deactivate (confirmed) or reactivate (one click: it takes nothing away). One
 * component for both, so the result of one stays in view when the other appears.
 */
export function AccessAction({
  active,
  userId,
  firstName,
  isYou,
  deactivateMessage,
  deactivate,
  reactivate,
}: {
  active: boolean;
  userId: string;
  firstName: string;
  isYou: boolean;
  deactivateMessage: string;
  deactivate: Action;
  reactivate: Action;
}) {
  const [offState, runOff] = useActionState(deactivate, initialFormState);
  const [onState, runOn] = useActionState(reactivate, initialFormState);
  // The answer to the form sent last is the one to show.
  const [last, setLast] = useState<'off' | 'on'>('off');
  const latest = last === 'off' ? offState : onState;
  return (
    <div className="flex flex-col items-start gap-3">
      <Result state={latest} />
      {active ? (
        <form action={runOff} onSubmit={() => setLast('off')} className="flex flex-col items-start gap-2">
          <input type="hidden" name="userId" value={userId} />
          <ConfirmDialog
            triggerLabel={isYou ? 'Deactivate my account' : `Deactivate ${firstName}`}
            title={isYou ? 'Deactivate your own account?' : `Deactivate ${firstName}?`}
            message={deactivateMessage}
            confirmLabel={isYou ? 'Deactivate my account' : `Deactivate ${firstName}`}
            pendingLabel="Deactivating…"
            errors={offState.status === 'error' ? offState.fieldErrors?.[CONFIRM_FIELD] : undefined}
          />
        </form>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            {firstName} can’t sign in. Reactivating lets them sign in with their password again.
          </p>
          <form action={runOn} onSubmit={() => setLast('on')}>
            <input type="hidden" name="userId" value={userId} />
            <SubmitButton variant="secondary" pendingLabel="Reactivating…">
              {`Reactivate ${firstName}`}
            </SubmitButton>
          </form>
        </>
      )}
    </div>
  );
}

/** Reset the password (or renew an invite): the link is shown once, with a copy button. */
export function ResetPasswordAction({
  action,
  userId,
  dialog,
}: {
  action: Action<LinkState>;
  userId: string;
  dialog: { triggerLabel: string; title: string; message: string; confirmLabel: string };
}) {
  const [state, run] = useActionState<LinkState, FormData>(action, initialFormState);
  return (
    <div className="flex flex-col items-start gap-3">
      {state.status === 'success' && state.url ? (
        <OneTimeLink message={state.message ?? ''} url={state.url} />
      ) : (
        <Result state={state} />
      )}
      <form action={run} className="flex flex-col items-start gap-2">
        <input type="hidden" name="userId" value={userId} />
        <ConfirmDialog
          {...dialog}
          pendingLabel="Making the link…"
          errors={state.status === 'error' ? state.fieldErrors?.[CONFIRM_FIELD] : undefined}
        />
      </form>
    </div>
  );
}

/** Choose a new role, then confirm; a first-time clinician needs the name patients see. */
export function ChangeRoleForm({
  action,
  userId,
  firstName,
  isYou,
  currentRole,
  hasClinicianRow,
  clinicianNames,
}: {
  action: Action;
  userId: string;
  firstName: string;
  isYou: boolean;
  currentRole: Role;
  hasClinicianRow: boolean;
  clinicianNames: { givenName: string; familyName: string };
}) {
  const [state, run] = useActionState(action, initialFormState);
  const echoed = state.status === 'error' ? (state.values ?? {}) : {};
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  const [role, setRole] = useState<Role>(
    USER_ROLES.includes(echoed.role as Role) ? (echoed.role as Role) : currentRole,
  );
  const enhanced = useEnhanced();
  const needsNames = !hasClinicianRow && (role === 'CLINICIAN' || !enhanced);
  const twoFactor = role === 'STAFF' ? '' : ' They set up two-factor sign-in then, if they have not already.';
  return (
    <div className="flex flex-col items-start gap-3">
      <Result state={state} />
      <form key={state.attempt} action={run} className="flex w-full max-w-md flex-col gap-4" noValidate>
        <input type="hidden" name="userId" value={userId} />
        <SelectField
          label="New role"
          name="role"
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          errors={errors.role}
        >
          {USER_ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabels[r]}
              {r === currentRole ? ' (current)' : ''}
            </option>
          ))}
        </SelectField>
        {needsNames ? (
          <ClinicianNameFields
            values={{
              givenName: echoed.givenName ?? clinicianNames.givenName,
              familyName: echoed.familyName ?? clinicianNames.familyName,
            }}
            errors={errors}
            idPrefix="role-"
          />
        ) : null}
        <div>
          <ConfirmDialog
            triggerLabel="Change role"
            title={
              isYou
                ? `Change your own role to ${roleLabels[role]}?`
                : `Change ${firstName}’s role to ${roleLabels[role]}?`
            }
            message={
              isYou
                ? `You will be signed out at once and sign in again as ${roleLabels[role]}.${twoFactor.replace('They set', 'You set').replace('they have', 'you have')}`
                : `${firstName} will be signed out at once and signs in again as ${roleLabels[role]}.${twoFactor}`
            }
            confirmLabel={`Change the role to ${roleLabels[role]}`}
            pendingLabel="Changing…"
            variant="primary"
            disabled={enhanced && role === currentRole}
            errors={errors[CONFIRM_FIELD]}
          />
        </div>
      </form>
    </div>
  );
}
