// Twilio identities for video participants: the role and a random part, never
// a name or an id from our database (other participants and Twilio see it).
import { randomBytes } from 'node:crypto';

import type { VideoRole } from '../links/join-window';

const prefix: Record<VideoRole, string> = { CLINICIAN: 'clinician', PATIENT: 'patient', GUEST: 'guest' };

export function newVideoIdentity(role: VideoRole): string {
  return `${prefix[role]}:${randomBytes(12).toString('base64url')}`;
}

/** The role an identity was issued for, or null for one the portal did not issue. */
export function roleOfIdentity(identity: string | null | undefined): VideoRole | null {
  const head = identity?.split(':', 1)[0];
  if (head === 'clinician') return 'CLINICIAN';
  if (head === 'patient') return 'PATIENT';
  if (head === 'guest') return 'GUEST';
  return null;
}
