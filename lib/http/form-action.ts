// The one wrapper for server actions (the form edge): authorize, parse what the
// browser sent with a zod schema, hand the typed values to the operation,
// and turn a refusal into field messages. Anything unexpected is logged by
// name and code only and answered with a general message: a malformed
// submission never becomes a 500, and nothing unparsed reaches lib/.
import 'server-only';

import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';

import { requirePermission } from '@/lib/auth/guards';
import type { Permission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session-user';
import { log } from '@/lib/log/logger';
import { expectedErrorState, UNEXPECTED_MESSAGE, type FormState } from '@/lib/schemas/form-state';

/** What an operation answers; the wrapper adds `attempt`. */
export type ActionResult<Extra extends object = object> = Omit<FormState, 'attempt'> & Partial<Extra>;

export type FormActionSpec<S extends z.ZodType, P extends Permission | undefined> = {
  /** Logged (error name and code only) when the operation fails unexpectedly. */
  event: string;
  /** Parses the submitted fields together with `args`, once, here at the edge. */
  schema: S;
  /** The form fields to read; they are echoed back on a refusal so nothing typed is lost. */
  fields?: readonly string[];
  /** Fields parsed but never echoed back (passwords, codes). */
  secret?: readonly string[];
  /** Values the client sent besides the form (bound ids such as an appointment id). */
  args?: Record<string, unknown>;
  /** Shows a schema field's messages against another form field. */
  fieldMap?: Record<string, string>;
  /** Checked after parsing; the signed-in user is handed to the operation. */
  permission?: P;
};

export type FormActionContext<P extends Permission | undefined> = {
  user: P extends Permission ? SessionUser : undefined;
  /** The submitted form fields as strings, less the secret ones (what is echoed on refusal). */
  values: Record<string, string>;
};

/**
 * Runs one server action. `previous` and `formData` are whatever the caller
 * posted: a crafted request can send anything there, so both are read defensively.
 */
export async function formAction<
  S extends z.ZodType,
  Extra extends object = object,
  P extends Permission | undefined = undefined,
>(
  spec: FormActionSpec<S, P>,
  previous: unknown,
  formData: unknown,
  operation: (input: z.output<S>, context: FormActionContext<P>) => Promise<ActionResult<Extra>>,
): Promise<FormState & Partial<Extra>> {
  type State = FormState & Partial<Extra>;
  const prior: FormState = { status: 'idle', attempt: attemptOf(previous) };
  const submitted = readFields(formData, spec.fields ?? []);
  const values = Object.fromEntries(
    Object.entries(submitted).filter(([field]) => !spec.secret?.includes(field)),
  );
  try {
    // Who is asking comes first: a person without the permission learns nothing about the fields.
    const user = spec.permission ? await requirePermission(spec.permission) : undefined;
    const parsed = spec.schema.safeParse({ ...submitted, ...spec.args });
    if (!parsed.success) {
      // A bad bound argument (an id the page sent) has no field to be shown against.
      const badArg = parsed.error.issues.find((issue) => String(issue.path[0]) in (spec.args ?? {}));
      if (badArg) {
        return { status: 'error', message: badArg.message, values, attempt: prior.attempt + 1 } as State;
      }
      throw parsed.error;
    }
    const result = await operation(parsed.data, {
      user: user as FormActionContext<P>['user'],
      values,
    });
    return { ...result, attempt: prior.attempt + 1 } as State;
  } catch (err) {
    // redirect(), forbidden() and notFound() are Next's control flow, not failures.
    unstable_rethrow(err);
    const expected = expectedErrorState(err, prior, values, spec.fieldMap);
    if (expected) return expected as State;
    // Name and code only: database errors can quote the values that were sent.
    const code = (err as { code?: unknown } | null)?.code;
    log.error(spec.event, {
      errorName: err instanceof Error ? err.name : typeof err,
      errorCode: typeof code === 'string' ? code : undefined,
    });
    return { status: 'error', message: UNEXPECTED_MESSAGE, values, attempt: prior.attempt + 1 } as State;
  }
}

function attemptOf(previous: unknown): number {
  const attempt = (previous as { attempt?: unknown } | null | undefined)?.attempt;
  return typeof attempt === 'number' && Number.isSafeInteger(attempt) && attempt >= 0 ? attempt : 0;
}

/** The named fields as strings; files, unknown fields and a missing FormData are dropped. */
function readFields(formData: unknown, fields: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  if (!(formData instanceof FormData)) return values;
  for (const field of fields) {
    const value = formData.get(field);
    if (typeof value === 'string') values[field] = value;
  }
  return values;
}
