// The patient's join link: a new one (every earlier link stops working at
// once), or the current one, made first if there is none. Both take a lock on
// the session row, so two at once cannot each make a link and revoke the
// other's (two reminders sent at the same moment would otherwise carry a dead
// link).
import 'server-only';

import { recordAudit } from '@/lib/audit/record-audit';
import { recordChange } from '@/lib/audit/record-change';
import type { SessionUser } from '@/lib/auth/session-user';
import type { Prisma } from '@/lib/db/generated/client';
import { db } from '@/lib/db/client';
import { videoSessionLock } from '@/lib/db/queries/locks';
import { runStatement } from '@/lib/db/queries/run-query';

import { joinPageUrl } from './app-base-url';
import { currentJoinLink } from './join-link-url';
import { linkToken } from './link-token';
import { notifyVideoChange } from '../events/notify-video-change';
import { requireStaffVideoAccess } from '../access/staff-video-access';

export type NewJoinLink = { id: string; url: string };

async function lockSession(tx: Prisma.TransactionClient, sessionId: string): Promise<void> {
  await runStatement(tx, videoSessionLock, [sessionId]);
}

/** Without a user: for the demo seed, and for jobs acting for the clinic. */
export async function replaceJoinLink(
  sessionId: string,
  actorId: string | null,
  now: Date = new Date(),
): Promise<NewJoinLink> {
  return db().$transaction(async (tx) => {
    await lockSession(tx, sessionId);
    await tx.joinLink.updateMany({
      where: { sessionId, revokedAt: null },
      data: { revokedAt: now, revokedById: actorId },
    });
    const link = await tx.joinLink.create({
      data: { sessionId, createdById: actorId },
      select: { id: true },
    });
    await notifyVideoChange(tx, sessionId, 'link');
    return { id: link.id, url: joinPageUrl(linkToken('join', link.id, sessionId)) };
  });
}

export async function regenerateJoinLink(
  user: SessionUser,
  appointmentId: string,
  requestId?: string,
): Promise<NewJoinLink> {
  const { appointment, sessionId } = await requireStaffVideoAccess(user, appointmentId, 'manage-links');
  const link = await replaceJoinLink(sessionId, user.id);
  await recordAudit({
    actor: { id: user.id, role: user.role },
    action: 'CREATE',
    entityType: 'JoinLink',
    entityId: link.id,
    patientId: appointment.patientId,
    requestId: requestId ?? null,
    detail: { operation: 'regenerate' },
  });
  return link;
}

/**
 * The session's working link, or a first one when it has none; `created` says
 * which. Never replaces a working link: that would break the link in a message
 * the patient already has.
 */
export async function currentOrFirstJoinLink(
  sessionId: string,
  actorId: string | null,
): Promise<NewJoinLink & { created: boolean }> {
  const current = await currentJoinLink(sessionId);
  if (current) return { id: current.id, url: current.url, created: false };
  return db().$transaction(async (tx) => {
    await lockSession(tx, sessionId);
    // Looked at again under the lock: another request may have made it meanwhile.
    const made = await tx.joinLink.findFirst({
      where: { sessionId, revokedAt: null },
      orderBy: { createdAt: 'desc' },
      select: { id: true },
    });
    if (made) return { id: made.id, url: joinPageUrl(linkToken('join', made.id, sessionId)), created: false };
    const link = await tx.joinLink.create({
      data: { sessionId, createdById: actorId },
      select: { id: true },
    });
    await notifyVideoChange(tx, sessionId, 'link');
    return { id: link.id, url: joinPageUrl(linkToken('join', link.id, sessionId)), created: true };
  });
}

/** The current link, creating the first one if the appointment has none yet. */
export async function getOrCreateJoinLink(user: SessionUser, appointmentId: string): Promise<NewJoinLink> {
  const { appointment, sessionId } = await requireStaffVideoAccess(user, appointmentId, 'manage-links');
  const link = await currentOrFirstJoinLink(sessionId, user.id);
  if (link.created) {
    await recordChange(db(), user, 'CREATE', {
      type: 'JoinLink',
      id: link.id,
      patientId: appointment.patientId,
      detail: { operation: 'first-link' },
    });
  }
  return { id: link.id, url: link.url };
}
