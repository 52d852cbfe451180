// Finish: a reminder that will not (or will no longer) be sent ends with its
// status, reason and a timeline entry, once, whichever run gets there first.
import 'server-only';

import { db } from '@/lib/db/client';
import { isOpenStatus } from '@/lib/schemas/appointment';

import type { ReasonCode } from '../status/reminder-reasons';
import type { LoadedNotice, LoadedReminder } from './load-reminder';

export async function finishReminder(
  reminderId: string,
  status: 'SKIPPED' | 'FAILED' | 'CANCELLED',
  reason: ReasonCode,
  errorCode: number | null = null,
): Promise<void> {
  await db().$transaction(async (tx) => {
    const { count } = await tx.reminder.updateMany({
      where: { id: reminderId, status: { in: ['SCHEDULED', 'SENDING'] } },
      data: { status, reason, errorCode, ...(status === 'CANCELLED' ? { cancelledAt: new Date() } : {}) },
    });
    if (count === 1) {
      await tx.reminderEvent.create({ data: { reminderId, type: status, detail: reason, errorCode } });
    }
  });
}

/** Whether a change notice still tells the appointment's state: moved to this time, or cancelled. */
export function noticeIsCurrent(notice: LoadedNotice, appointment: LoadedReminder['appointment']): boolean {
  if (notice.kind === 'CANCELLED') return appointment.status === 'CANCELLED';
  return isOpenStatus(appointment.status) && appointment.startsAt.getTime() === notice.startsAt.getTime();
}
