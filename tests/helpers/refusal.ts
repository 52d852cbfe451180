import { AppError } from '@/lib/errors/app-error';

/** The AppError a call was refused with; fails the test when it was not refused. */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the call to be refused');
}
