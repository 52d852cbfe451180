// What each role may do, in one table. Pages, actions and routes ask for a
// permission; data-access functions also scope clinicians to their own work.
import type { UserRole } from '@/lib/db/generated/enums';

export type Permission =
  | 'dashboard.view'
  | 'patients.read'
  | 'patients.write'
  | 'appointments.read'
  | 'appointments.write'
  | 'appointments.readAll'
  | 'reminders.read'
  | 'reminders.write'
  | 'settings.manage'
  | 'users.manage'
  | 'apiTokens.manage'
  | 'outbox.read'
  | 'readiness.manage'
  | 'costs.read'
  | 'video.host';

const everyone: Permission[] = ['dashboard.view', 'patients.read', 'appointments.read'];
/** Running the front desk: what reception staff and admins both do. */
const frontDesk: Permission[] = [
  ...everyone,
  'patients.write',
  'appointments.write',
  'appointments.readAll',
  'reminders.read',
  'reminders.write',
  'outbox.read',
];

export const rolePermissions: Record<UserRole, ReadonlySet<Permission>> = {
  ADMIN: new Set<Permission>([
    ...frontDesk,
    'settings.manage',
    'users.manage',
    'apiTokens.manage',
    'readiness.manage',
    'costs.read',
  ]),
  STAFF: new Set<Permission>(frontDesk),
  // Clinicians read their own patients and appointments; reception books them.
  CLINICIAN: new Set<Permission>([...everyone, 'video.host']),
};

export function roleCan(role: UserRole, permission: Permission): boolean {
  return rolePermissions[role].has(permission);
}
