import type { UserRole } from '@/lib/db/generated/enums';

/** The signed-in person as the rest of the portal sees them. */
export type SessionUser = {
  id: string;
  clinicId: string;
  role: UserRole;
  name: string;
  email: string;
  /** Set for clinicians: their Clinician row, used to scope appointments. */
  clinicianId: string | null;
  /** The AuthSession row behind this request. */
  sessionId: string;
};
