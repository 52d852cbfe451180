// Who must use a second factor: admins and clinicians always, everyone when
// the clinic turns on "require two-factor for everyone".
import type { UserRole } from '@/lib/db/generated/enums';

export function isMfaRequired(role: UserRole, clinicRequiresForAll: boolean): boolean {
  return clinicRequiresForAll || role === 'ADMIN' || role === 'CLINICIAN';
}
