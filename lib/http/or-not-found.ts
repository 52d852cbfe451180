import 'server-only';

import { notFound } from 'next/navigation';

import { isAppError } from '@/lib/errors/app-error';

/** What a page's lookup found, or Next's 404 page when it threw NOT_FOUND (missing, or out of scope). */
export async function orNotFound<T>(lookup: Promise<T>): Promise<T> {
  try {
    return await lookup;
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
}
