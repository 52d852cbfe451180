import type { Metadata } from 'next';
import Link from 'next/link';

import { requirePermission } from '@/lib/auth/guards';

export const metadata: Metadata = { title: 'Admin' };

// One entry per admin area; later parts of the portal add theirs here.
const sections: { href: string; title: string; description: string }[] = [
  {
    href: '/admin/team',
    title: 'Team',
    description:
      'Invite people, reset passwords and two-factor sign-in, change roles, deactivate people who left.',
  },
  {
    href: '/admin/security',
    title: 'Sign-in security',
    description: 'Choose who must use two-factor sign-in.',
  },
  {
    href: '/admin/clinic',
    title: 'Clinic details',
    description: 'The phone number patients are given to call when their join link no longer works.',
  },
  {
    href: '/admin/api-tokens',
    title: 'API tokens',
    description: 'Issue and revoke the tokens other systems use to call the portal’s API.',
  },
  {
    href: '/admin/reminders',
    title: 'Reminders',
    description: 'When reminders go, quiet hours, message templates and their WhatsApp templates.',
  },
  {
    href: '/admin/readiness',
    title: 'Go-live readiness',
    description:
      'The Twilio go-live checklist, checked against the live account, with one-click test messages and rooms.',
  },
  {
    href: '/admin/costs',
    title: 'Costs and billing alerts',
    description: 'What video, WhatsApp and SMS cost this month and before, the forecast, and spend alerts.',
  },
];

export default async function AdminPage() {
  await requirePermission('settings.manage');
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Admin</h1>
      <ul className="grid gap-4 sm:grid-cols-2">
        {sections.map((s) => (
          <li key={s.href}>
            <Link
              href={s.href}
              className="flex h-full flex-col gap-1 rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-600"
            >
              <span className="font-semibold text-brand-800">{s.title}</span>
              <span className="text-sm text-slate-700">{s.description}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
