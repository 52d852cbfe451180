import type { Metadata } from 'next';
import Link from 'next/link';

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

  return (
    <div className="flex flex-col gap-10">
      <div>
        <p className="text-sm">
          <Link href="/admin" className="text-brand-700 underline underline-offset-4">
            Admin
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">API tokens</h1>
        <p className="mt-2 max-w-2xl text-slate-700">
          A token lets another system act as one person of the clinic, with that person&rsquo;s role. The
          portal keeps only a fingerprint of each token, so a token is shown once, when it is issued. Revoke a
          token as soon as it is no longer needed or may have been seen by someone else.
        </p>
      </div>

      <section aria-labelledby="issue-heading" className="flex flex-col gap-3">
        <h2 id="issue-heading" className="text-lg font-semibold">
          Issue a token
        </h2>
        <IssueTokenForm owners={owners} />
      </section>

      <section aria-labelledby="tokens-heading" className="flex flex-col gap-3">
        <h2 id="tokens-heading" className="text-lg font-semibold">
          Tokens
        </h2>
        {tokens.length === 0 ? (
          <p className="text-slate-700">No tokens have been issued.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[48rem] border-collapse text-left text-sm">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-4">
                    Name
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Begins with
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Acts as
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Issued
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Last used
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Status
                  </th>
                  <th scope="col" className="py-2">
                    Actions
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((t) => {
                  const expired = t.expiresAt !== null && t.expiresAt <= now;
                  const status = t.revokedAt
                    ? `Revoked ${when(t.revokedAt)}`
                    : expired
                      ? 'Expired'
                      : t.expiresAt
                        ? `Active until ${when(t.expiresAt)}`
                        : 'Active';
                  return (
                    <tr key={t.id} className="border-b border-slate-200 align-top">
                      <th scope="row" className="py-2 pr-4 font-medium">
                        {t.label}
                      </th>
                      <td className="py-2 pr-4 font-mono">{t.prefix}…</td>
                      <td className="py-2 pr-4">
                        {t.owner.name} ({t.owner.role.toLowerCase()})
                      </td>
                      <td className="py-2 pr-4">{when(t.createdAt)}</td>
                      <td className="py-2 pr-4">{when(t.lastUsedAt)}</td>
                      <td className="py-2 pr-4">{status}</td>
                      <td className="py-2">
                        {t.revokedAt ? null : <RevokeTokenButton tokenId={t.id} label={t.label} />}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
