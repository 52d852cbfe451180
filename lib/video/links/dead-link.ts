// When a patient's or guest's link stops working, and what it says then. A dead
// link reveals nothing about the appointment (no time, consent, waiting state
// or message): every join route and the join page answer 410 with what
// happened and the clinic's phone number, so the person knows whom to call.
// Pure, so the order of the rules is tested as a table
// (tests/unit/dead-link.test.ts).
import type { AppointmentStatus } from '@/lib/db/generated/enums';
import { AppError } from '@/lib/errors/app-error';

import { CLOSES_AFTER_END_MS } from './join-window';

export const DEAD_LINK_CODES = [
  'APPOINTMENT_CANCELLED',
  'APPOINTMENT_CLOSED',
  'LINK_REPLACED',
  'LINK_REVOKED',
  'LINK_EXPIRED',
] as const;

export type DeadLinkCode = (typeof DEAD_LINK_CODES)[number];

export type LinkLife = {
  revokedAt: Date | null;
  /** A newer link exists for the same session (staff made a new one). */
  replaced: boolean;
  appointmentStatus: AppointmentStatus | string;
  endsAt: Date;
};

export const deadLinkMessages: Record<DeadLinkCode, string> = {
  APPOINTMENT_CANCELLED:
    'This appointment was cancelled, so its video link no longer works. Call the clinic to book another time.',
  APPOINTMENT_CLOSED:
    'This appointment was recorded as missed, so its video link no longer works. Call the clinic to book another time.',
  LINK_REPLACED:
    'The clinic has sent a newer link for this appointment, so this one no longer works. Use the most recent link from the clinic’s messages, or call the clinic.',
  LINK_REVOKED: 'The clinic has withdrawn this link. Call the clinic if you need a new one.',
  LINK_EXPIRED:
    'This link has expired: the video session for this appointment has closed. Call the clinic if you still need to speak with your clinician.',
};

/**
 * Why the link no longer works, or null while it does. What happened to the
 * appointment comes first: it is what the person most needs to know.
 */
export function deadLinkCode(link: LinkLife, now: Date): DeadLinkCode | null {
  if (link.appointmentStatus === 'CANCELLED') return 'APPOINTMENT_CANCELLED';
  if (link.appointmentStatus === 'NO_SHOW') return 'APPOINTMENT_CLOSED';
  if (link.revokedAt) return link.replaced ? 'LINK_REPLACED' : 'LINK_REVOKED';
  // The same moment the join window closes for patients and guests.
  if (now.getTime() >= link.endsAt.getTime() + CLOSES_AFTER_END_MS) return 'LINK_EXPIRED';
  return null;
}

/** The refusal every join route gives for a dead link: { error: { code, message, clinicPhone } }. */
export function deadLinkError(code: DeadLinkCode, clinicPhone: string | null): AppError {
  return new AppError(code, deadLinkMessages[code], { details: { reason: code, clinicPhone } });
}

export function isDeadLinkCode(code: unknown): code is DeadLinkCode {
  return typeof code === 'string' && (DEAD_LINK_CODES as readonly string[]).includes(code);
}
