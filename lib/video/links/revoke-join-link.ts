// Withdraws the patient's join link (sent to the wrong number, say). A new one
// can be made afterwards with regenerateJoinLink.
import 'server-only';

import { recordChange } from '@/lib/audit/record-change';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';

import { notifyVideoChange } from '../events/notify-video-change';
import { requireStaffVideoAccess } from '../access/staff-video-access';

export async function revokeJoinLink(
  user: SessionUser,
  appointmentId: string,
  now: Date = new Date(),
): Promise<{ revoked: number }> {
  const { appointment, sessionId } = await requireStaffVideoAccess(user, appointmentId, 'manage-links');
  const revoked = await db().$transaction(async (tx) => {
    const result = await tx.joinLink.updateMany({
      where: { sessionId, revokedAt: null },
      data: { revokedAt: now, revokedById: user.id },
    });
    await notifyVideoChange(tx, sessionId, 'link');
    return result.count;
  });
  await recordChange(db(), user, 'UPDATE', {
    type: 'JoinLink',
    id: sessionId,
    patientId: appointment.patientId,
    detail: { operation: 'revoke', count: revoked },
  });
  return { revoked };
}
