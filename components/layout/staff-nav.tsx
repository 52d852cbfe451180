import Link from 'next/link';

import { roleCan, type Permission } from '@/lib/auth/permissions';
import { signOutAction } from '@/lib/auth/sign-out';
import type { UserRole } from '@/lib/db/generated/enums';

const links: { href: string; label: string; permission: Permission }[] = [
  { href: '/dashboard', label: 'Today', permission: 'dashboard.view' },
  { href: '/appointments', label: 'Appointments', permission: 'appointments.read' },
  { href: '/patients', label: 'Patients', permission: 'patients.read' },
  { href: '/reminders', label: 'Reminders', permission: 'reminders.read' },
  { href: '/admin/team', label: 'Team', permission: 'users.manage' },
  { href: '/admin', label: 'Admin', permission: 'settings.manage' },
];

const roleLabel: Record<UserRole, string> = { ADMIN: 'Admin', STAFF: 'Reception', CLINICIAN: 'Clinician' };

export function StaffNav({
  user,
  showOutbox = false,
}: {
  user: { name: string; role: UserRole };
  showOutbox?: boolean;
}) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav
        aria-label="Main"
        className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3"
      >
        <Link href="/dashboard" className="font-semibold text-brand-800">
          Telehealth portal
        </Link>
        <ul className="flex flex-wrap gap-4 text-sm">
          {[
            ...links,
            ...(showOutbox
              ? [{ href: '/dev/outbox', label: 'Outbox (emulator)', permission: 'outbox.read' as const }]
              : []),
          ]
            .filter((l) => roleCan(user.role, l.permission))
            .map((l) => (
              <li key={l.href}>
                <Link href={l.href} className="rounded px-1 py-2 text-slate-700 hover:text-brand-700">
                  {l.label}
                </Link>
              </li>
            ))}
        </ul>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <Link href="/account" className="text-slate-700 hover:text-brand-700">
            {user.name} <span className="text-slate-500">({roleLabel[user.role]})</span>
          </Link>
          <form action={signOutAction}>
            <button type="submit" className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100">
              Sign out
            </button>
          </form>
        </div>
      </nav>
    </header>
  );
}
