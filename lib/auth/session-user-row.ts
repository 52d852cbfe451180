// The user columns a signed-in request needs, read the same way for a browser
// session and for an API token.
import 'server-only';

import type { UserRole } from '@/lib/db/generated/enums';

import type { SessionUser } from './session-user';

export const sessionUserSelect = {
  id: true,
  clinicId: true,
  role: true,
  name: true,
  email: true,
  active: true,
  clinician: { select: { id: true } },
} as const;

type SessionUserRow = {
  id: string;
  clinicId: string;
  role: UserRole;
  name: string;
  email: string;
  clinician: { id: string } | null;
};

export function toSessionUser(user: SessionUserRow, sessionId: string): SessionUser {
  return {
    id: user.id,
    clinicId: user.clinicId,
    role: user.role,
    name: user.name,
    email: user.email,
    clinicianId: user.clinician?.id ?? null,
    sessionId,
  };
}
