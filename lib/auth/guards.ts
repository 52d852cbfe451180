// Authorization in one place. Every page, server action and route handler that
// reads or changes data calls one of these on the server; proxy.ts only
// redirects early and is never the only guard.
import 'server-only';

import { forbidden, redirect } from 'next/navigation';

import { AppError } from '@/lib/errors/app-error';

import { getSessionUser } from './current-user';
import { roleCan, type Permission } from './permissions';
import type { SessionUser } from './session-user';

/** Pages: send a signed-out visitor to sign in, then back. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect('/sign-in');
  return user;
}

/** Pages and actions: a signed-in user holding `permission`, else the 403 page (app/forbidden.tsx). */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!roleCan(user.role, permission)) forbidden();
  return user;
}

/** Route handlers: 401 JSON instead of a redirect. */
export async function requireApiUser(permission?: Permission): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError('UNAUTHENTICATED', 'Please sign in to continue.');
  if (permission) assertCan(user, permission);
  return user;
}

export function assertCan(user: SessionUser, permission: Permission): void {
  if (!roleCan(user.role, permission)) {
    throw new AppError(
      'FORBIDDEN',
      'Your role does not allow this. Ask an administrator if you need access.',
    );
  }
}

/** Clinicians work only with their own appointments; staff and admins with all. */
export function appointmentScope(user: SessionUser): { clinicianId?: string } {
  if (roleCan(user.role, 'appointments.readAll')) return {};
  // A clinician user without a Clinician row sees nothing rather than everything.
  return { clinicianId: user.clinicianId ?? '__none__' };
}
