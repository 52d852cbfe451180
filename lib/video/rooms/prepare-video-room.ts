// POST /api/appointments/video-room/{id}/, minus HTTP: create the
// appointment's room (or return the one in progress) for another system,
// without issuing any media access.
import 'server-only';

import { recordAudit } from '@/lib/audit/record-audit';

import { loadAppointmentVideoFacts } from './appointment-video-facts';
import { authorizeVideoAccess } from '../access/authorize-video-access';
import { ensureRoom } from './create-room';
import { ensureVideoSession } from './ensure-video-session';
import type { VideoPrincipal } from '../access/video-principal';

export type PreparedRoom = {
  sid: string;
  status: 'in-progress';
  mediaRegion: string;
  maxParticipants: number;
  created: boolean;
};

export async function prepareVideoRoom(
  principal: Extract<VideoPrincipal, { kind: 'api' | 'user' }>,
  appointmentId: string,
  options: { now?: Date; requestId?: string } = {},
): Promise<PreparedRoom> {
  const now = options.now ?? new Date();
  const facts = await loadAppointmentVideoFacts(appointmentId);
  authorizeVideoAccess(principal, facts, now, 'prepare-room');
  const sessionId = facts!.sessionId ?? (await ensureVideoSession(facts!.id));
  const room = await ensureRoom(sessionId);
  if (room.created) {
    await recordAudit({
      actor: { id: principal.user.id, role: principal.user.role },
      action: 'CREATE',
      entityType: 'VideoRoom',
      entityId: room.id,
      patientId: facts!.patientId,
      requestId: options.requestId ?? null,
      detail: { via: principal.kind },
    });
  }
  return {
    sid: room.sid,
    status: 'in-progress',
    mediaRegion: room.mediaRegion,
    maxParticipants: room.maxParticipants,
    created: room.created,
  };
}
