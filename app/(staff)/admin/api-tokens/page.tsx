import type { Metadata } from 'next';

import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { Section } from '@/components/ui/section';
import { listApiTokens, listTokenOwners } from '@/lib/api-tokens/list-api-tokens';
import { requirePermission } from '@/lib/auth/guards';
import { formatShortDate, formatTime } from '@/lib/time/clinic-time';
import { getClinicTimeZone } from '@/lib/time/get-clinic-time-zone';

import { IssueTokenForm } from './_components/issue-token-form';
import { RevokeTokenButton } from './_components/revoke-token-button';

export const metadata: Metadata = { title: 'API tokens' };

// Tokens other systems use to call the portal's API (e.g. POST /api/appointments/video-room/{id}/).
export default async function ApiTokensPage() {
  const admin = await requirePermission('apiTokens.manage');
  const [tokens, owners, timeZone] = await Promise.all([
    listApiTokens(admin),
    listTokenOwners(admin),
    getClinicTimeZone(admin.clinicId),
  ]);
  const now = new Date();
  const when = (d: Date | null) =>
    d ? `${formatShortDate(d, timeZone)}, ${formatTime(d, timeZone)}` : 'Never';
  const status = (t: (typeof tokens)[number]) =>
    t.revokedAt
      ? `Revoked ${when(t.revokedAt)}`
      : t.expiresAt !== null && t.expiresAt <= now
        ? 'Expired'
        : t.expiresAt
          ? `Active until ${when(t.expiresAt)}`
          : 'Active';

  return (
    <div className="flex flex-col gap-10">
      <PageHeader up={{ href: '/admin', label: 'Admin' }} title="API tokens">
        <p className="mt-2 max-w-2xl text-slate-700">
          A token lets another system act as one person of the clinic, with that person&rsquo;s role. The
          portal keeps only a fingerprint of each token, so a token is shown once, when it is issued. Revoke a
          token as soon as it is no longer needed or may have been seen by someone else.
        </p>
      </PageHeader>

      <Section id="issue" title="Issue a token">
        <IssueTokenForm owners={owners} />
      </Section>

      <Section id="tokens" title="Tokens">
        <DataTable
          look="plain"
          className="min-w-[48rem]"
          caption="Tokens, with who each acts as and whether it still works"
          empty={<p className="text-slate-700">No tokens have been issued.</p>}
          rows={tokens}
          rowKey={(t) => t.id}
          columns={[
            { key: 'name', header: 'Name', rowHeader: true, className: 'font-medium', cell: (t) => t.label },
            { key: 'prefix', header: 'Begins with', className: 'font-mono', cell: (t) => `${t.prefix}…` },
            {
              key: 'owner',
              header: 'Acts as',
              cell: (t) => `${t.owner.name} (${t.owner.role.toLowerCase()})`,
            },
            { key: 'issued', header: 'Issued', cell: (t) => when(t.createdAt) },
            { key: 'used', header: 'Last used', cell: (t) => when(t.lastUsedAt) },
            { key: 'status', header: 'Status', cell: status },
            {
              key: 'actions',
              header: 'Actions',
              cell: (t) => (t.revokedAt ? null : <RevokeTokenButton tokenId={t.id} label={t.label} />),
            },
          ]}
        />
      </Section>
    </div>
  );
}
