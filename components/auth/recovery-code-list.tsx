'use client';

import { useState } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** New recovery codes, shown once, with a way to copy them. */
export function RecoveryCodeList({ codes }: { codes: string[] }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <section aria-labelledby="recovery-codes-heading" className="flex flex-col gap-3">
      <h2 id="recovery-codes-heading" className="text-lg font-semibold">
        Your recovery codes
      </h2>
      <Alert tone="warning" title="Save these now">
        This is the only time they are shown. Each code signs you in once if you lose your phone. Keep them
        somewhere safe, such as a password manager, not on the phone itself.
      </Alert>
      <ol
        className="grid grid-cols-2 gap-x-6 gap-y-1 rounded-md bg-slate-100 p-4 font-mono text-base"
        aria-label="Recovery codes"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="flex items-center gap-3">
        <Button variant="secondary" onClick={copy}>
          Copy codes
        </Button>
        <p role="status" className="text-sm text-slate-700">
          {copied === 'yes'
            ? 'Copied.'
            : copied === 'failed'
              ? 'Copying did not work here: select the codes and copy them.'
              : ''}
        </p>
      </div>
    </section>
  );
}
