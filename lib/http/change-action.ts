// The usual settings action, on top of formAction: a person with the
// permission makes one change, the page they are on re-renders with it, and
// the form shows what happened. Most staff forms are exactly this, so each
// action names only its event, schema, permission, change and answer.
import 'server-only';

import { refresh } from 'next/cache';
import { z } from 'zod';

import type { Permission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session-user';
import type { FormState } from '@/lib/schemas/form-state';

import { formAction, type ActionResult, type FormActionSpec } from './form-action';

/** A success message, or an answer made from what the change returned. */
export type ChangeAnswer<R, Extra extends object> =
  | string
  | ((result: R, user: SessionUser) => string | ActionResult<Extra> | Promise<string | ActionResult<Extra>>);

export async function changeAction<
  S extends z.ZodType,
  R,
  P extends Permission,
  Extra extends object = object,
>(
  spec: Omit<FormActionSpec<S, P>, 'permission'> & { permission: P },
  previous: unknown,
  formData: unknown,
  change: (user: SessionUser, input: z.output<S>) => Promise<R>,
  answer: ChangeAnswer<R, NoInfer<Extra>>,
): Promise<FormState & Partial<Extra>> {
  // An object schema's keys are the form's fields unless the spec says otherwise.
  const fields = spec.fields ?? (spec.schema instanceof z.ZodObject ? Object.keys(spec.schema.shape) : []);
  return formAction<S, Extra, P>(
    { ...spec, fields },
    previous,
    formData,
    async (input, context): Promise<ActionResult<Extra>> => {
      const user = context.user as SessionUser;
      const result = await change(user, input);
      refresh();
      const answered = typeof answer === 'string' ? answer : await answer(result, user);
      if (typeof answered !== 'string') return answered;
      return { status: 'success', message: answered } as ActionResult<Extra>;
    },
  );
}
