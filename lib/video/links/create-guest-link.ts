// A one-use link for an interpreter or support person to join the same
// session. The clinician gives it to them; it is used up on first use.
import 'server-only';

import { recordChange } from '@/lib/audit/record-change';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';

import { joinPageUrl } from './app-base-url';
import { joinWindow, windowPosition } from './join-window';
import { linkToken } from './link-token';
import { requireStaffVideoAccess } from '../access/staff-video-access';

/** Two guests at most: the room holds four people. */
const MAX_OPEN_GUEST_LINKS = 2;

export async function createGuestLink(
  user: SessionUser,
  appointmentId: string,
  now: Date = new Date(),
): Promise<{ id: string; url: string }> {
  const { appointment, sessionId } = await requireStaffVideoAccess(user, appointmentId, 'host');
  if (appointment.status === 'CANCELLED' || appointment.status === 'NO_SHOW') {
    throw new AppError('GONE', 'This appointment is closed, so guests cannot be invited to it.');
  }
  if (windowPosition(joinWindow(appointment, 'GUEST'), now) === 'after') {
    throw new AppError('CONFLICT', 'The video session for this appointment has closed.');
  }
  const open = await db().guestLink.count({ where: { sessionId, revokedAt: null, redeemedAt: null } });
  if (open >= MAX_OPEN_GUEST_LINKS) {
    throw new AppError(
      'CONFLICT',
      'Two guest links are already waiting to be used. Withdraw one before making another.',
    );
  }
  const link = await db().guestLink.create({
    data: { sessionId, createdById: user.id },
    select: { id: true },
  });
  await recordChange(db(), user, 'CREATE', {
    type: 'GuestLink',
    id: link.id,
    patientId: appointment.patientId,
  });
  return { id: link.id, url: joinPageUrl(linkToken('guest', link.id, sessionId)) };
}
