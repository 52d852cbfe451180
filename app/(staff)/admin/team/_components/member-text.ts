// How a person's status and two-factor state read on the team pages.
import type { TeamMember } from '@/lib/users/list-team';
import { clinicDateTime } from '@/lib/users/clinic-date-time';

export function statusText(m: TeamMember, timeZone: string): string {
  if (!m.active)
    return m.deactivatedAt ? `Deactivated ${clinicDateTime(m.deactivatedAt, timeZone)}` : 'Deactivated';
  if (m.invitePending) return 'Invited: has not set a password yet';
  if (m.signInWaitUntil)
    return `Active; sign-in paused after repeated failures until ${clinicDateTime(m.signInWaitUntil, timeZone)}`;
  return 'Active';
}

export function twoFactorText(m: TeamMember): string {
  if (m.totpEnabled) return 'On';
  return m.totpRequired ? 'Off: sets it up at next sign-in' : 'Off (not required)';
}
