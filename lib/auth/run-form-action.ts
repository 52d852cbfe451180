// The shared shape of the sign-in and account server actions: run the operation, turn an
// expected refusal (bad input, wrong password, conflict) into field messages,
// and anything else into a logged, general message. Bad input never gives a 500.
import 'server-only';

import { log } from '@/lib/log/logger';
import { expectedErrorState, UNEXPECTED_MESSAGE, type FormState } from '@/lib/schemas/form-state';

export async function runFormAction<Extra extends object = object>(
  event: string,
  previous: FormState,
  values: Record<string, string>,
  operation: () => Promise<Omit<FormState, 'attempt'> & Partial<Extra>>,
): Promise<FormState & Partial<Extra>> {
  // Every Extra field is optional, so a plain FormState is a valid answer.
  type State = FormState & Partial<Extra>;
  try {
    const result = await operation();
    return { ...result, attempt: previous.attempt + 1 };
  } catch (err) {
    const expected = expectedErrorState(err, previous, values);
    if (expected) return expected as State;
    // Name and code only: database errors can quote the values that were sent.
    const code = (err as { code?: unknown } | null)?.code;
    log.error(event, {
      errorName: err instanceof Error ? err.name : typeof err,
      errorCode: typeof code === 'string' ? code : undefined,
    });
    return { status: 'error', message: UNEXPECTED_MESSAGE, values, attempt: previous.attempt + 1 } as State;
  }
}

/** Form states that also carry recovery codes to show once. */
export type RecoveryCodesState = FormState & Partial<RecoveryCodesExtra>;
export type RecoveryCodesExtra = { recoveryCodes: string[] };
