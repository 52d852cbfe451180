import type { FormState } from '@/lib/schemas/form-state';

import { Alert } from './alert';
import { ErrorSummary } from './error-summary';

/** A form's answer above its fields: what was saved, or why not. */
export function FormAlerts({ state }: { state: FormState }) {
  if (state.status === 'success') return <Alert tone="success">{state.message}</Alert>;
  if (state.status === 'error' && state.message) return <Alert tone="error">{state.message}</Alert>;
  return null;
}

/** A one-button form's refusal, beside the button (`inline`) or under it. */
export function ActionError({ state, inline = false }: { state: FormState; inline?: boolean }) {
  if (state.status !== 'error') return null;
  return inline ? (
    <span role="alert" className="ml-2 text-sm text-red-800">
      {state.message}
    </span>
  ) : (
    <p role="alert" className="text-sm text-red-800">
      {state.message}
    </p>
  );
}

/** A refused form's summary at its top, with a link to each field named in `labels`. */
export function RefusalSummary({ state, labels }: { state: FormState; labels: Record<string, string> }) {
  if (state.status !== 'error') return null;
  return (
    <ErrorSummary
      message={state.message}
      fieldErrors={state.fieldErrors ?? {}}
      labels={labels}
      attempt={state.attempt}
    />
  );
}
