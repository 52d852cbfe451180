// The state a server action returns to a useActionState form: a message, the
// field-level errors, and the values the person typed, so that nothing they
// entered is lost when the server refuses it. Client-safe (no server imports).
import { ZodError } from 'zod';

import { isAppError } from '@/lib/errors/app-error';

export type FormState = {
  status: 'idle' | 'error' | 'success';
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** What was submitted, echoed back as strings so the form can show it again. */
  values?: Record<string, string>;
  /** Increases with every response, so the form can re-mount with the echoed values. */
  attempt: number;
};

export const initialFormState: FormState = { status: 'idle', attempt: 0 };

/** The named fields of a form submission as strings (files and unknown fields are dropped). */
export function formValues(formData: FormData, fields: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = formData.get(field);
    if (typeof value === 'string') values[field] = value;
  }
  return values;
}

/**
 * Zod issues as { field: [messages] }: the one conversion used by forms,
 * server actions and JSON routes. A nested path is joined with dots; issues
 * without a path go under "_form". `fieldMap` renames fields (a schema's
 * `startsAt` shown against the form's `startTime`).
 */
export function zodFieldErrors(
  error: ZodError,
  fieldMap: Record<string, string> = {},
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_form';
    const field = fieldMap[key] ?? key;
    (out[field] ??= []).push(issue.message);
  }
  return out;
}

const INVALID_MESSAGE = 'Some details need fixing. Check the fields marked below.';

/**
 * The form state for a refusal we expect (an AppError or a ZodError), or
 * null for anything else, which the caller logs and reports in general terms.
 */
export function expectedErrorState(
  err: unknown,
  previous: FormState,
  values: Record<string, string>,
  fieldMap: Record<string, string> = {},
): FormState | null {
  const attempt = previous.attempt + 1;
  if (err instanceof ZodError) {
    return {
      status: 'error',
      message: INVALID_MESSAGE,
      fieldErrors: zodFieldErrors(err, fieldMap),
      values,
      attempt,
    };
  }
  if (isAppError(err)) {
    const fieldErrors: Record<string, string[]> = {};
    for (const [key, messages] of Object.entries(err.fieldErrors ?? {})) {
      const field = fieldMap[key] ?? key;
      (fieldErrors[field] ??= []).push(...messages);
    }
    const hasFieldErrors = Object.keys(fieldErrors).length > 0;
    // A refusal already shown against a field (such as a clash) is not repeated above the list.
    const repeated = Object.values(fieldErrors).some((messages) => messages.includes(err.message));
    const message =
      err.code === 'INVALID_INPUT' && hasFieldErrors ? INVALID_MESSAGE : repeated ? undefined : err.message;
    return { status: 'error', message, fieldErrors, values, attempt };
  }
  return null;
}

export const UNEXPECTED_MESSAGE =
  'Something went wrong on our side and nothing was saved. Please try again; if it keeps happening, tell the practice manager.';

/** Form states that also carry recovery codes to show once. */
export type RecoveryCodesExtra = { recoveryCodes: string[] };
export type RecoveryCodesState = FormState & Partial<RecoveryCodesExtra>;
