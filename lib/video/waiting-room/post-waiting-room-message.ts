// A short note to the waiting patient ("Running five minutes late"). The text
// is stored and shown to the patient; it is never logged or audited.
import 'server-only';

import { z } from 'zod';

import { recordChange } from '@/lib/audit/record-change';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { parseWith } from '@/lib/http/route';

import { notifyVideoChange } from '../events/notify-video-change';
import { requireStaffVideoAccess } from '../access/staff-video-access';

export const waitingRoomMessageSchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, 'Write a message first.')
    .max(280, 'Keep the message under 280 characters: the patient reads it on a phone.'),
});

export async function postWaitingRoomMessage(user: SessionUser, appointmentId: string, input: unknown) {
  const { body } = parseWith(waitingRoomMessageSchema, input);
  const { appointment, sessionId } = await requireStaffVideoAccess(user, appointmentId, 'message');
  return db().$transaction(async (tx) => {
    const message = await tx.waitingRoomMessage.create({
      data: { sessionId, authorId: user.id, body },
      select: { id: true, createdAt: true },
    });
    await notifyVideoChange(tx, sessionId, 'message');
    await recordChange(tx, user, 'CREATE', {
      type: 'WaitingRoomMessage',
      id: message.id,
      patientId: appointment.patientId,
    });
    return { id: message.id, at: message.createdAt.toISOString() };
  });
}
