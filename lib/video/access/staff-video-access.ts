// Staff-side video actions (join links, admitting, messages, ending) start
// here: the appointment must be a telehealth appointment of the user's clinic
// that the user may act on. The clinician hosts their own sessions; reception
// and admins manage links and may message or mark a no-show.
import 'server-only';

import { roleCan } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session-user';
import { AppError } from '@/lib/errors/app-error';

import { loadAppointmentVideoFacts, type AppointmentVideoFacts } from '../rooms/appointment-video-facts';
import { VIDEO_APPOINTMENT_NOT_FOUND } from './authorize-video-access';
import { ensureVideoSession } from '../rooms/ensure-video-session';

export type StaffVideoCapability = 'view' | 'manage-links' | 'message' | 'host' | 'mark-no-show';

export function staffCan(
  user: SessionUser,
  appointment: Pick<AppointmentVideoFacts, 'clinicianId'>,
  capability: StaffVideoCapability,
): boolean {
  const hosts =
    roleCan(user.role, 'video.host') &&
    user.clinicianId !== null &&
    user.clinicianId === appointment.clinicianId;
  if (capability === 'host') return hosts;
  if (capability === 'view') return hosts || roleCan(user.role, 'appointments.readAll');
  return hosts || roleCan(user.role, 'appointments.write');
}

export async function requireStaffVideoAccess(
  user: SessionUser,
  appointmentId: string,
  capability: StaffVideoCapability,
): Promise<{ appointment: AppointmentVideoFacts; sessionId: string }> {
  const appointment = await loadAppointmentVideoFacts(appointmentId);
  if (!appointment || appointment.clinicId !== user.clinicId)
    throw new AppError('NOT_FOUND', VIDEO_APPOINTMENT_NOT_FOUND);
  if (!staffCan(user, appointment, capability)) {
    // A clinician may not learn about another clinician's appointments.
    if (!staffCan(user, appointment, 'view')) throw new AppError('NOT_FOUND', VIDEO_APPOINTMENT_NOT_FOUND);
    throw new AppError(
      'FORBIDDEN',
      capability === 'host'
        ? "Only the appointment's clinician can do this."
        : 'Your role does not allow this. Ask an administrator if you need access.',
    );
  }
  if (appointment.kind !== 'TELEHEALTH') {
    throw new AppError('CONFLICT', 'This is an in-person appointment, so it has no video session.');
  }
  const sessionId = appointment.sessionId ?? (await ensureVideoSession(appointment.id));
  return { appointment, sessionId };
}
