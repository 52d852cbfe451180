// A new join link for the patient; every earlier link stops working at once.
// "Resend" will call this and queue the URL by SMS or WhatsApp (issue 6).
import 'server-only';

import { recordAudit } from '@/lib/audit/record-audit';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';

import { joinPageUrl } from './app-base-url';
import { currentJoinLink } from './join-link-url';
import { linkToken } from './link-token';
import { notifyVideoChange } from './notify-video-change';
import { requireStaffVideoAccess } from './staff-video-access';

export type NewJoinLink = { id: string; url: string };

/** Without a user: for the demo seed, and later for jobs acting for the clinic. */
export async function replaceJoinLink(
  sessionId: string,
  actorId: string | null,
  now: Date = new Date(),
): Promise<NewJoinLink> {
  return db().$transaction(async (tx) => {
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

/** The current link, creating the first one if the appointment has none yet. */
export async function getOrCreateJoinLink(user: SessionUser, appointmentId: string): Promise<NewJoinLink> {
  const { sessionId } = await requireStaffVideoAccess(user, appointmentId, 'manage-links');
  const current = await currentJoinLink(sessionId);
  if (current) return { id: current.id, url: current.url };
  return regenerateJoinLink(user, appointmentId);
}
