// Staff have dealt with a reply: it leaves the waiting list.
import 'server-only';

import { recordAudit } from '@/lib/audit/record-audit';
import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';

export async function markReplyHandled(user: SessionUser, replyId: string): Promise<void> {
  assertCan(user, 'reminders.write');
  const { count } = await db().inboundReply.updateMany({
    where: { id: replyId, handledAt: null, OR: [{ clinicId: user.clinicId }, { clinicId: null }] },
    data: { handledAt: new Date(), handledById: user.id },
  });
  if (count !== 1)
    throw new AppError('NOT_FOUND', 'That reply was not found, or someone has already dealt with it.');
  await recordAudit({
    actor: { id: user.id, role: user.role },
    action: 'UPDATE',
    entityType: 'InboundReply',
    entityId: replyId,
    detail: { operation: 'mark-handled', fields: ['handledAt'] },
  });
}
