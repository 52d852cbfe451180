// Validate input inside a data-access function: a refusal becomes an AppError
// (INVALID_INPUT, 422) carrying field-level messages, never a 500.
import type { z } from 'zod';

import { AppError } from '@/lib/errors/app-error';

import { zodFieldErrors } from './form-state';

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError('INVALID_INPUT', 'Some details need fixing.', {
    fieldErrors: zodFieldErrors(result.error),
  });
}
