'use server';

import { refresh } from 'next/cache';

import { dismissFailedSignInsNotice } from '@/lib/auth/failed-sign-ins-notice';
import { requireUser } from '@/lib/auth/guards';

// POST (any staff page) – the owner has read the failed sign-in notice; hide it.
export async function dismissFailedSignInsAction(): Promise<void> {
  const user = await requireUser();
  await dismissFailedSignInsNotice(user);
  refresh();
}
