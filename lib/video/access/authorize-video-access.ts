// Who may enter an appointment's video session, and when. A pure function of
// the principal, the appointment and the clock, so every rule is tested as a
// table (tests/unit/authorize-video-access.test.ts) without a database.
import { roleCan } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { formatInTimeZone } from '@/lib/time/clinic-time';

import type { AppointmentVideoFacts } from '../rooms/appointment-video-facts';
import { joinWindow, windowPosition, type JoinWindow, type VideoRole } from '../links/join-window';
import type { VideoPrincipal } from './video-principal';
import { videoTokenExpiry } from '../tokens/video-token-expiry';

/**
 * join: a token for the room (media access).
 * prepare-room: create or return the room without media access (the API).
 * wait: enter the waiting room (patients).
 * consent: record consent and location, which a patient may do before the window opens.
 */
export type VideoPurpose = 'join' | 'prepare-room' | 'wait' | 'consent';

export type VideoAccess = {
  role: VideoRole;
  /** One identity per person per session: "patient", "clinician:<userId>", "guest:<linkId>". */
  principalKey: string;
  window: JoinWindow;
  tokenExpiresAt: Date;
};

export const VIDEO_APPOINTMENT_NOT_FOUND =
  'We could not find that appointment. Check the link you were given, or contact the clinic.';

export function authorizeVideoAccess(
  principal: VideoPrincipal,
  appointment: AppointmentVideoFacts | null,
  now: Date,
  purpose: VideoPurpose = 'join',
): VideoAccess {
  if (!appointment) throw new AppError('NOT_FOUND', VIDEO_APPOINTMENT_NOT_FOUND);
  const { role, principalKey } = identify(principal, appointment, purpose);

  if (appointment.kind !== 'TELEHEALTH') {
    throw new AppError('CONFLICT', 'This is an in-person appointment, so it has no video session.', {
      details: { reason: 'IN_PERSON' },
    });
  }
  if (appointment.status === 'CANCELLED') {
    throw new AppError(
      'GONE',
      'This appointment was cancelled, so its video session is closed. Contact the clinic to book another time.',
      { details: { reason: 'CANCELLED' } },
    );
  }
  if (appointment.status === 'NO_SHOW') {
    throw new AppError(
      'GONE',
      'This appointment was closed as missed, so its video session is closed. Contact the clinic to book another time.',
      { details: { reason: 'NO_SHOW' } },
    );
  }

  const window = joinWindow(appointment, role);
  const position = windowPosition(window, now);
  if (position === 'before' && purpose !== 'consent') {
    const early = role === 'CLINICIAN' ? '30 minutes' : '15 minutes';
    throw new AppError(
      'CONFLICT',
      `The video session opens at ${clinicTime(window.opensAt, appointment.timeZone)} (${early} before the appointment). Please come back then.`,
      { details: { reason: 'TOO_EARLY', opensAt: window.opensAt.toISOString() } },
    );
  }
  if (position === 'after') {
    throw new AppError(
      'CONFLICT',
      `The video session for this appointment closed at ${clinicTime(window.closesAt, appointment.timeZone)}. Contact the clinic if you still need to speak with your clinician.`,
      { details: { reason: 'CLOSED', closedAt: window.closesAt.toISOString() } },
    );
  }

  if (role !== 'CLINICIAN' && purpose === 'join' && appointment.sessionEndedAt) {
    throw new AppError(
      'CONFLICT',
      'The clinician has ended this video session. If you were cut off, contact the clinic.',
      { details: { reason: 'SESSION_ENDED' } },
    );
  }
  if (role === 'PATIENT' && purpose === 'join') assertAdmitted(appointment);

  return { role, principalKey, window, tokenExpiresAt: videoTokenExpiry(appointment.endsAt, now) };
}

function identify(
  principal: VideoPrincipal,
  appointment: AppointmentVideoFacts,
  purpose: VideoPurpose,
): { role: VideoRole; principalKey: string } {
  switch (principal.kind) {
    case 'user':
    case 'api': {
      const { user } = principal;
      // Another clinic's appointment is, to this user, an appointment that does not exist.
      if (user.clinicId !== appointment.clinicId)
        throw new AppError('NOT_FOUND', VIDEO_APPOINTMENT_NOT_FOUND);
      const ownAppointment = user.clinicianId !== null && user.clinicianId === appointment.clinicianId;
      if (ownAppointment && roleCan(user.role, 'video.host')) {
        return { role: 'CLINICIAN', principalKey: `clinician:${user.id}` };
      }
      // Reception and admins may set a room up through the API, never enter it.
      if (purpose === 'prepare-room' && roleCan(user.role, 'appointments.write')) {
        return { role: 'CLINICIAN', principalKey: `staff:${user.id}` };
      }
      if (roleCan(user.role, 'video.host')) {
        throw new AppError('FORBIDDEN', "This video session belongs to another clinician's appointment.", {
          details: { reason: 'NOT_YOUR_APPOINTMENT' },
        });
      }
      throw new AppError(
        'FORBIDDEN',
        "Only the appointment's clinician can join its video session. You can manage the patient's join link from the appointment page.",
        { details: { reason: 'NOT_A_CLINICIAN' } },
      );
    }
    case 'patient':
    case 'guest': {
      if (purpose === 'prepare-room' || (principal.kind === 'guest' && purpose !== 'join')) {
        throw new AppError('FORBIDDEN', 'This link cannot be used for that.', {
          details: { reason: 'LINK_NOT_ALLOWED' },
        });
      }
      if (principal.appointmentId !== appointment.id) {
        throw new AppError(
          'FORBIDDEN',
          "This link is for a different appointment. Open the link in the clinic's message about this appointment.",
          { details: { reason: 'OTHER_APPOINTMENT' } },
        );
      }
      if (principal.revokedAt) {
        throw new AppError(
          'GONE',
          'This link has been replaced or withdrawn. Use the most recent link the clinic sent you, or contact the clinic for a new one.',
          { details: { reason: 'LINK_REVOKED' } },
        );
      }
      if (principal.kind === 'patient') return { role: 'PATIENT', principalKey: 'patient' };
      return { role: 'GUEST', principalKey: `guest:${principal.guestLinkId}` };
    }
  }
}

function assertAdmitted(appointment: AppointmentVideoFacts): void {
  switch (appointment.waitingStatus) {
    case 'ADMITTED':
      return;
    case 'DECLINED':
      throw new AppError(
        'FORBIDDEN',
        'Your clinician was not able to let you into this session. Please contact the clinic.',
        { details: { reason: 'DECLINED' } },
      );
    case 'WAITING':
      throw new AppError(
        'CONFLICT',
        "Your clinician hasn't let you in yet. Stay on this page: you will be connected as soon as they do.",
        { details: { reason: 'NOT_ADMITTED', waitingStatus: 'WAITING' } },
      );
    default:
      throw new AppError(
        'CONFLICT',
        'Please confirm your consent and join the waiting room first; your clinician will let you in from there.',
        { details: { reason: 'NOT_WAITING', waitingStatus: appointment.waitingStatus } },
      );
  }
}

function clinicTime(date: Date, timeZone: string): string {
  return formatInTimeZone(date, timeZone, "h:mm aaa 'on' EEEE d MMMM");
}
