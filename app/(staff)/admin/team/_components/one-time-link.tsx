'use client';

import { Alert } from '@/components/ui/alert';
import { CopyButton } from '@/components/ui/copy-button';

/** A set-password link, shown once after it is made (like an API token): copy it now. */
export function OneTimeLink({ message, url }: { message: string; url: string }) {
  return (
    <Alert tone="success" title="Link made: copy it now">
      <p>{message}</p>
      <div className="mt-2 flex flex-col gap-2">
        <label htmlFor="one-time-link" className="font-medium">
          Set-password link
        </label>
        <input
          id="one-time-link"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className="min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm"
        />
        <div>
          <CopyButton
            value={url}
            label="Copy link"
            copiedLabel="Copied. Paste it into your message to them."
          />
        </div>
      </div>
    </Alert>
  );
}
