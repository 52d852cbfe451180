// Telling the owner about failed attempts on their account: recorded on the
// session at sign-in (authenticate.ts), shown on every page of that session
// until they dismiss it.
import 'server-only';

import { db } from '@/lib/db/client';
import { formatInTimeZone } from '@/lib/time/clinic-time';
import { getClinicTimeZone } from '@/lib/time/get-clinic-time-zone';

import { failedSignInsMessage } from './sign-in-messages';
import type { SessionUser } from './session-user';

/** The sentence for this session, or null when there is nothing to tell. */
export async function failedSignInsNotice(user: SessionUser): Promise<string | null> {
  const session = await db().authSession.findUnique({
    where: { id: user.sessionId },
    select: { failedSignInsNotice: true, failedSignInsLatestAt: true },
  });
  if (!session || session.failedSignInsNotice === 0 || !session.failedSignInsLatestAt) return null;
  const timeZone = await getClinicTimeZone(user.clinicId);
  const latest = formatInTimeZone(session.failedSignInsLatestAt, timeZone, "EEEE d MMMM 'at' h:mm aaa");
  return failedSignInsMessage(session.failedSignInsNotice, latest);
}

/** The owner has read it. */
export async function dismissFailedSignInsNotice(user: SessionUser): Promise<void> {
  await db().authSession.updateMany({
    where: { id: user.sessionId, userId: user.id },
    data: { failedSignInsNotice: 0 },
  });
}
