// The waiting patient answers the clinician with one of a few fixed replies
// (no free text: nothing to moderate, nothing a person could be identified by
// in a log). Stored, then announced on the live channel (LISTEN/NOTIFY) so the
// clinician's dashboard and room show it at once. One reply per link every
// QUICK_REPLY_INTERVAL_MS, counted in PostgreSQL so every instance agrees.
import 'server-only';

import { z } from 'zod';

import { db } from '@/lib/db/client';
import type { QuickReply } from '@/lib/db/generated/enums';
import { AppError } from '@/lib/errors/app-error';
import { parseWith } from '@/lib/http/route';
import { bucketKey, countRequest } from '@/lib/rate-limit/bucket-store';
import type { RatePolicy } from '@/lib/rate-limit/policies';
import { secondsUntil } from '@/lib/rate-limit/too-many-requests';

import { notifyVideoChange } from '../events/notify-video-change';
import { QUICK_REPLIES } from './quick-replies';
import type { LinkPrincipal } from '../access/resolve-link-principal';

export const QUICK_REPLY_INTERVAL_MS = 30_000;

/** One reply per link per half minute: enough to correct a mis-tap, too few to flood the clinician. */
export const QUICK_REPLY_LIMIT: RatePolicy = {
  name: 'video:quick-reply',
  limit: 1,
  windowMs: QUICK_REPLY_INTERVAL_MS,
};

export const quickReplySchema = z.object({
  reply: z.enum(Object.keys(QUICK_REPLIES) as [QuickReply, ...QuickReply[]], {
    error: 'Choose one of the replies shown.',
  }),
});

export type SentQuickReply = { id: string; reply: QuickReply; at: string };

export async function sendQuickReply(
  principal: LinkPrincipal,
  input: unknown,
  now: Date = new Date(),
): Promise<SentQuickReply> {
  const { reply } = parseWith(quickReplySchema, input);
  if (principal.kind !== 'patient') {
    throw new AppError('FORBIDDEN', 'Only the patient’s own link can send these replies.');
  }
  const entry = await db().waitingRoomEntry.findUnique({
    where: { sessionId: principal.sessionId },
    select: { status: true },
  });
  if (entry?.status !== 'WAITING' && entry?.status !== 'ADMITTED') {
    throw new AppError(
      'CONFLICT',
      'These replies can be sent from the waiting room. Join the waiting room first, or call the clinic.',
    );
  }
  const limited = await countRequest(
    [{ key: bucketKey(QUICK_REPLY_LIMIT, principal.joinLinkId), policy: QUICK_REPLY_LIMIT }],
    now,
  );
  if (!limited.allowed) {
    const seconds = secondsUntil(limited.retryAt!, now);
    throw new AppError(
      'RATE_LIMITED',
      `Your clinician has your last reply. You can send another in ${seconds} second${seconds === 1 ? '' : 's'}.`,
      { details: { retryAfterSeconds: seconds } },
    );
  }
  return db().$transaction(async (tx) => {
    const saved = await tx.waitingRoomReply.create({
      data: { sessionId: principal.sessionId, joinLinkId: principal.joinLinkId, reply, createdAt: now },
      select: { id: true, reply: true, createdAt: true },
    });
    await notifyVideoChange(tx, principal.sessionId, 'reply');
    return { id: saved.id, reply: saved.reply, at: saved.createdAt.toISOString() };
  });
}
