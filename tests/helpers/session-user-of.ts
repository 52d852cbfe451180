import type { SessionUser } from '@/lib/auth/session-user';

type UserRow = Pick<SessionUser, 'id' | 'clinicId' | 'role' | 'name' | 'email'> & {
  clinician: { id: string } | null;
};

/** The SessionUser a sign-in would give this user row (read with its clinician), to call lib code as them. */
export function sessionUserOf(u: UserRow, sessionId: string): SessionUser {
  return {
    id: u.id,
    clinicId: u.clinicId,
    role: u.role,
    name: u.name,
    email: u.email,
    clinicianId: u.clinician?.id ?? null,
    sessionId,
  };
}
