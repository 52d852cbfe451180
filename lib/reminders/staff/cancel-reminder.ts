// Staff cancel one reminder that has not gone out.
import 'server-only';

import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';

import { auditStaffReminder } from './create-staff-reminder';
import { cancelReminderJob } from '../scheduling/enqueue-reminder';
import { reminderForStaff } from './staff-reminder-access';

export const NOT_CANCELLABLE = 'This reminder has already gone out or ended, so there is nothing to cancel.';

export async function cancelReminder(user: SessionUser, reminderId: string): Promise<void> {
  const reminder = await reminderForStaff(user, reminderId);
  if (reminder.status !== 'SCHEDULED' && reminder.status !== 'SENDING')
    throw new AppError('CONFLICT', NOT_CANCELLABLE);
  await db().$transaction(async (tx) => {
    const { count } = await tx.reminder.updateMany({
      where: { id: reminderId, status: { in: ['SCHEDULED', 'SENDING'] } },
      data: { status: 'CANCELLED', reason: 'CANCELLED_BY_STAFF', cancelledAt: new Date() },
    });
    if (count !== 1) throw new AppError('CONFLICT', NOT_CANCELLABLE);
    await tx.reminderEvent.create({
      data: { reminderId, type: 'CANCELLED', detail: 'CANCELLED_BY_STAFF', actorId: user.id },
    });
    await auditStaffReminder(tx, user, 'UPDATE', reminder, {
      operation: 'cancel-reminder',
      fields: ['status'],
    });
  });
  await cancelReminderJob(reminder.jobId);
}
